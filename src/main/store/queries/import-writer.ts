import type BetterSqlite3 from 'better-sqlite3'
import type { NormalizedEvent } from '../../../shared/event'
import { appendAudit } from './audit'

const quarterMs = 900_000

export interface SourceFinish {
  status: 'done' | 'failed' | 'cancelled'
  format: string | null
  sha256: string | null
  sizeBytes: number | null
  events: number
  rejects: number
  error: string | null
}

/**
 * The import's hot path: prepared statements on the one writing connection. A file's rows go in
 * between `begin` and `commit`, so a killed import leaves nothing behind and a re-run starts clean.
 */
export function createImportWriter(sqlite: BetterSqlite3.Database) {
  const insertSource = sqlite.prepare(
    `insert into sources (path, entry, format, size_bytes, status, started_at) values (?, ?, ?, ?, ?, ?)`,
  )
  const insertEvent = sqlite.prepare(
    `insert into events (ts, user, host, src_ip, dst_ip, category, action, outcome, object, bytes, amount, source_id, line_no, attrs)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertReject = sqlite.prepare(`insert into rejects (source_id, line_no, reason, excerpt) values (?, ?, ?, ?)`)
  const insertProfile = sqlite.prepare(
    `insert into user_profiles (user, kind, fields, source_id, line_no) values (?, ?, ?, ?, ?)`,
  )
  const finishSource = sqlite.prepare(
    `update sources set status = ?, format = ?, sha256 = ?, size_bytes = ?, events = ?, rejects = ?, error = ?, finished_at = ?
     where id = ?`,
  )
  const updateCounts = sqlite.prepare(`update sources set events = ?, rejects = ? where id = ?`)
  const findDone = sqlite.prepare(`select id from sources where sha256 = ? and status = 'done' and id != ? limit 1`)
  const addQuarter = sqlite.prepare(
    `insert into event_quarters (source_id, quarter, events) values (?, ?, ?)
     on conflict (source_id, quarter) do update set events = events + excluded.events`,
  )
  // Events per (source, quarter hour) of the open transaction, written with it (event_quarters).
  // A file's events mostly arrive in time order, so the hot path only extends the current run.
  const quarters = new Map<string, { sourceId: number; quarter: number; events: number }>()
  const run = { sourceId: -1, quarter: Number.NaN, events: 0 }
  const endRun = (): void => {
    if (run.events === 0) return
    const key = `${run.sourceId}:${run.quarter}`
    const tally = quarters.get(key)
    if (tally) tally.events += run.events
    else quarters.set(key, { sourceId: run.sourceId, quarter: run.quarter, events: run.events })
    run.events = 0
  }

  return {
    begin(): void {
      sqlite.exec('begin immediate')
    },
    commit(): void {
      endRun()
      for (const { sourceId, quarter, events } of quarters.values()) addQuarter.run(sourceId, quarter, events)
      quarters.clear()
      sqlite.exec('commit')
    },
    rollback(): void {
      run.events = 0
      quarters.clear()
      if (sqlite.inTransaction) sqlite.exec('rollback')
    },
    startSource(path: string, entry: string | null, format: string | null, sizeBytes: number | null, now = Date.now()): number {
      return Number(insertSource.run(path, entry, format, sizeBytes, 'running', now).lastInsertRowid)
    },
    /** `attrsText`: the attrs already as JSON (serialized on the parsing thread), else done here. */
    event(sourceId: number, lineNo: number, event: NormalizedEvent, attrsText?: string): void {
      const quarter = Math.floor(event.ts / quarterMs)
      if (quarter !== run.quarter || sourceId !== run.sourceId) {
        endRun()
        run.sourceId = sourceId
        run.quarter = quarter
      }
      run.events++
      insertEvent.run(
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
        sourceId,
        lineNo,
        attrsText ?? JSON.stringify(event.attrs),
      )
    },
    reject(sourceId: number, lineNo: number, reason: string, excerpt: string): void {
      insertReject.run(sourceId, lineNo, reason, excerpt)
    },
    profile(sourceId: number, lineNo: number, user: string, kind: string, fields: unknown): void {
      insertProfile.run(user, kind, JSON.stringify(fields), sourceId, lineNo)
    },
    /** Live sources commit as they go; their counts follow each batch. */
    counts(sourceId: number, events: number, rejects: number): void {
      updateCounts.run(events, rejects, sourceId)
    },
    /** An earlier, finished import of the same content, if any. */
    duplicateOf(sha256: string, sourceId: number): number | null {
      const row = findDone.get(sha256, sourceId) as { id: number } | undefined
      return row?.id ?? null
    },
    finish(sourceId: number, result: SourceFinish, path: string, now = Date.now()): void {
      const { status, format, sha256, sizeBytes, events, rejects, error } = result
      finishSource.run(status, format, sha256, sizeBytes, events, rejects, error, now, sourceId)
      appendAudit(sqlite, { actor: 'system', action: `import.${status}`, details: { sourceId, path, format, sha256, events, rejects, error } }, now)
    },
  }
}

export type ImportWriter = ReturnType<typeof createImportWriter>
