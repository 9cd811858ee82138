import type BetterSqlite3 from 'better-sqlite3'
import type { StoredEvent } from '../schema/events'
import { getCase } from './cases'

// Rows for CSV/JSON exports, as lazy iterators: the CLI streams millions of them to a file,
// the contract call stops at its cap with a SQL limit.

export interface ExportFilters {
  user?: string | undefined
  caseId?: number | undefined
  from?: number | undefined
  to?: number | undefined
  /** At most this many rows; none when absent. */
  limit?: number | undefined
}

export interface EventExportRow extends StoredEvent {
  source_path: string
  source_entry: string | null
  /** JSON array of the event's tags. */
  tags: string
}

export interface AlertExportRow {
  id: number
  user: string
  date: string
  risk: number
  severity: string
  types: string
  status: string
  verdict: string | null
  created_at: number
  updated_at: number
  /** The scored day's plain-language summary; null when the latest run no longer scores that day. */
  summary: string | null
  tags: string
}

/** Builds the where clause and its named parameters from the filters given. */
function whereOf(conditions: Record<string, [clause: string, value: unknown] | null>): { where: string; parameters: Record<string, unknown> } {
  const clauses: string[] = []
  const parameters: Record<string, unknown> = {}
  for (const [name, condition] of Object.entries(conditions)) {
    if (condition === null || condition[1] === undefined) continue
    clauses.push(condition[0])
    parameters[name] = condition[1]
  }
  return { where: clauses.length > 0 ? `where ${clauses.join(' and ')}` : '', parameters }
}

/**
 * A case's events: those pinned to it, and those inside its time ranges and its alerts' days
 * (of that range's or alert's user; a range without a user takes everyone's).
 */
const caseEventIds = `e.id in (
  select event_id from case_evidence where case_id = @caseId and kind = 'event'
  union
  select inside.id from case_evidence r join events inside
    on inside.ts between r.from_ts and r.to_ts and (r.user is null or inside.user = r.user)
  where r.case_id = @caseId and r.kind in ('range', 'alert'))`

/** Events oldest first, with their source file and tags. */
export function exportEventRows(sqlite: BetterSqlite3.Database, filters: ExportFilters): IterableIterator<EventExportRow> {
  if (filters.caseId !== undefined) getCase(sqlite, filters.caseId)
  const { where, parameters } = whereOf({
    user: ['e.user = @user', filters.user?.toLowerCase()],
    from: ['e.ts >= @from', filters.from],
    to: ['e.ts < @to', filters.to],
    caseId: [caseEventIds, filters.caseId],
  })
  return sqlite
    .prepare(
      `select e.*, s.path as source_path, s.entry as source_entry,
         (select json_group_array(tag) from tags t where t.target = 'event' and t.key = cast(e.id as text)) as tags
       from events e join sources s on s.id = e.source_id ${where}
       order by e.ts, e.id ${filters.limit === undefined ? '' : 'limit @limit'}`,
    )
    .iterate({ ...parameters, ...(filters.limit === undefined ? {} : { limit: filters.limit }) }) as IterableIterator<EventExportRow>
}

/**
 * Alerts by id with their day's summary and tags. Without a case, Low alerts (days that no longer
 * score) are left out as in the alert list; a case's own alerts always come.
 */
export function exportAlertRows(sqlite: BetterSqlite3.Database, filters: ExportFilters): IterableIterator<AlertExportRow> {
  if (filters.caseId !== undefined) getCase(sqlite, filters.caseId)
  const { where, parameters } = whereOf({
    user: ['a.user = @user', filters.user?.toLowerCase()],
    caseId: [`a.id in (select alert_id from case_evidence where case_id = @caseId and kind = 'alert')`, filters.caseId],
    severity: filters.caseId === undefined ? [`a.severity != @severity`, 'low'] : null,
  })
  return sqlite
    .prepare(
      `select a.*, d.summary,
         (select json_group_array(tag) from tags t where t.target = 'alert' and t.key = cast(a.id as text)) as tags
       from alerts a left join user_days d on d.user = a.user and d.date = a.date ${where}
       order by a.id ${filters.limit === undefined ? '' : 'limit @limit'}`,
    )
    .iterate({ ...parameters, ...(filters.limit === undefined ? {} : { limit: filters.limit }) }) as IterableIterator<AlertExportRow>
}
