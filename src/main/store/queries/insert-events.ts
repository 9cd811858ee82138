import type BetterSqlite3 from 'better-sqlite3'
import type { NormalizedEvent } from '../../../shared/event'

export interface ProvenancedEvent extends NormalizedEvent {
  sourceId: number
  lineNo: number
}

/**
 * Bulk insert through one positional prepared statement inside one transaction: the measured
 * fast path (DEPENDENCIES.md), about twice Kysely's batched inserts. Returns how many rows landed.
 */
export function insertEvents(sqlite: BetterSqlite3.Database, events: readonly ProvenancedEvent[]): number {
  const statement = sqlite.prepare(
    `insert into events (ts, user, host, src_ip, dst_ip, category, action, outcome, object, bytes, amount, source_id, line_no, attrs)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertAll = sqlite.transaction((rows: readonly ProvenancedEvent[]) => {
    for (const event of rows) {
      statement.run(
        event.ts,
        event.user,
        event.host,
        event.srcIp,
        event.dstIp,
        event.category,
        event.action,
        event.outcome,
        event.object,
        event.bytes,
        event.amount,
        event.sourceId,
        event.lineNo,
        JSON.stringify(event.attrs),
      )
    }
    return rows.length
  })
  return insertAll(events)
}
