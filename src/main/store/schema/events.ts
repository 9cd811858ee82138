import type { Generated, Insertable, Selectable } from 'kysely'
import type { EventCategory, EventOutcome } from '../../../shared/event'

/** The normalized event (DESIGN.md); `attrs` is JSON text. */
export interface EventsTable {
  id: Generated<number>
  ts: number
  user: string | null
  host: string | null
  src_ip: string | null
  dst_ip: string | null
  category: EventCategory
  action: string
  outcome: EventOutcome
  object: string | null
  bytes: number | null
  amount: number | null
  source_id: number
  line_no: number
  attrs: string
}

export type StoredEvent = Selectable<EventsTable>
export type NewStoredEvent = Insertable<EventsTable>
