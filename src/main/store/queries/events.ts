import type { Kysely } from 'kysely'
import type { ApiRequest, EventCursor, EventRow } from '../../../shared/contract'
import type { Database } from '../schema'
import type { StoredEvent } from '../schema/events'

export interface EventPage {
  items: EventRow[]
  nextCursor: EventCursor | null
}

/** Newest first, keyset-paged on (ts, id) so page N costs the same as page 1. */
export async function listEvents(db: Kysely<Database>, query: ApiRequest<'events:list'>): Promise<EventPage> {
  let select = db.selectFrom('events').selectAll()
  if (query.user !== undefined) select = select.where('user', '=', query.user.toLowerCase())
  if (query.from !== undefined) select = select.where('ts', '>=', query.from)
  if (query.to !== undefined) select = select.where('ts', '<', query.to)
  const cursor = query.cursor
  if (cursor) {
    select = select.where((eb) =>
      eb.or([eb('ts', '<', cursor.ts), eb.and([eb('ts', '=', cursor.ts), eb('id', '<', cursor.id)])]),
    )
  }
  const rows = await select
    .orderBy('ts', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const items = rows.slice(0, query.limit).map(toEventRow)
  const last = items.at(-1)
  const nextCursor = rows.length > query.limit && last ? { ts: last.ts, id: last.id } : null
  return { items, nextCursor }
}

export function toEventRow(row: StoredEvent): EventRow {
  return {
    id: row.id,
    ts: row.ts,
    user: row.user,
    host: row.host,
    srcIp: row.src_ip,
    dstIp: row.dst_ip,
    category: row.category,
    action: row.action,
    outcome: row.outcome,
    object: row.object,
    bytes: row.bytes,
    amount: row.amount,
    sourceId: row.source_id,
    lineNo: row.line_no,
    attrs: JSON.parse(row.attrs) as Record<string, unknown>,
  }
}
