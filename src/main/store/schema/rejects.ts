import type { Generated, Insertable, Selectable } from 'kysely'

/** A line or record a parser could not use: never silently dropped. */
export interface RejectsTable {
  id: Generated<number>
  source_id: number
  line_no: number
  reason: string
  /** The first bytes of the raw line, for the analyst to see what it was. */
  excerpt: string
}

export type Reject = Selectable<RejectsTable>
export type NewReject = Insertable<RejectsTable>
