import type BetterSqlite3 from 'better-sqlite3'
import type { CaseEvidence, CaseEvidenceInput } from '../../../shared/case-schemas'
import type { EventRow } from '../../../shared/contract'
import { ArgusError } from '../../../shared/errors'
import { wallClockToUtc } from '../../parsers/time'
import type { StoredEvent } from '../schema/events'
import { toEventRow } from './events'

// What a case points at. Plain SQL so each change joins its audit entry's transaction.

interface EvidenceRow {
  id: number
  case_id: number
  kind: CaseEvidence['kind']
  user: string | null
  alert_id: number | null
  event_id: number | null
  from_ts: number | null
  to_ts: number | null
  label: string | null
  author: string
  added_at: number
}

function toEvidence(row: EvidenceRow): CaseEvidence {
  return {
    id: row.id, caseId: row.case_id, kind: row.kind, user: row.user, alertId: row.alert_id, eventId: row.event_id,
    from: row.from_ts, to: row.to_ts, label: row.label, addedAt: row.added_at, author: row.author,
  }
}

type Resolved = Pick<EvidenceRow, 'kind' | 'user' | 'alert_id' | 'event_id' | 'from_ts' | 'to_ts' | 'label'>

/** The first and last millisecond of a calendar day (YYYY-MM-DD) in the workspace's zone. */
export function dayBounds(date: string, timeZone: string): { from: number; to: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const from = wallClockToUtc(year, month, day, 0, 0, 0, 0, timeZone)
  const next = new Date(Date.UTC(year, month - 1, day + 1))
  const to = wallClockToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, 0, timeZone)
  if (from === null || to === null) throw new ArgusError('internal', `not a calendar day: '${date}'`)
  return { from, to: to - 1 }
}

/** Fills in what the evidence is about from the alert or event it names; unknown ids are not_found. */
function resolve(sqlite: BetterSqlite3.Database, input: CaseEvidenceInput, timeZone: string): Resolved {
  const none = { user: null, alert_id: null, event_id: null, from_ts: null, to_ts: null, label: null }
  switch (input.kind) {
    case 'user':
      return { ...none, kind: 'user', user: input.user.toLowerCase() }
    case 'alert': {
      const alert = sqlite.prepare('select user, date from alerts where id = ?').get(input.alertId) as { user: string; date: string } | undefined
      if (!alert) throw new ArgusError('not_found', `no alert #${input.alertId}`)
      const { from, to } = dayBounds(alert.date, timeZone)
      return { ...none, kind: 'alert', user: alert.user, alert_id: input.alertId, from_ts: from, to_ts: to }
    }
    case 'event': {
      const event = sqlite.prepare('select user, ts from events where id = ?').get(input.eventId) as { user: string | null; ts: number } | undefined
      if (!event) throw new ArgusError('not_found', `no event #${input.eventId}`)
      return { ...none, kind: 'event', user: event.user, event_id: input.eventId, from_ts: event.ts, to_ts: event.ts }
    }
    case 'range':
      if (input.from > input.to) throw new ArgusError('bad_request', `the range ends (${input.to}) before it starts (${input.from})`)
      return { ...none, kind: 'range', user: input.user?.toLowerCase() ?? null, from_ts: input.from, to_ts: input.to, label: input.label ?? null }
  }
}

/** Attaches evidence; attaching the same thing again returns the first row with `added: false`. */
export function attachEvidence(
  sqlite: BetterSqlite3.Database,
  caseId: number,
  input: CaseEvidenceInput,
  context: { author: string; now: number; timeZone: string },
): { value: CaseEvidence; added: boolean } {
  const row = resolve(sqlite, input, context.timeZone)
  const inserted = sqlite
    .prepare(
      `insert into case_evidence (case_id, kind, user, alert_id, event_id, from_ts, to_ts, label, author, added_at)
       values (@caseId, @kind, @user, @alert_id, @event_id, @from_ts, @to_ts, @label, @author, @now) on conflict do nothing`,
    )
    .run({ ...row, caseId, author: context.author, now: context.now })
  const existing = sqlite
    .prepare(
      `select * from case_evidence where case_id = @caseId and kind = @kind and user is @user and alert_id is @alert_id
       and event_id is @event_id and from_ts is @from_ts and to_ts is @to_ts`,
    )
    .get({ ...row, caseId }) as EvidenceRow
  return { value: toEvidence(existing), added: inserted.changes > 0 }
}

/** Removes one piece of evidence from a case; returns what was removed, or null. */
export function detachEvidence(sqlite: BetterSqlite3.Database, caseId: number, evidenceId: number): CaseEvidence | null {
  const row = sqlite.prepare('select * from case_evidence where id = ? and case_id = ?').get(evidenceId, caseId) as EvidenceRow | undefined
  if (!row) return null
  sqlite.prepare('delete from case_evidence where id = ?').run(evidenceId)
  return toEvidence(row)
}

export function listEvidence(sqlite: BetterSqlite3.Database, caseId: number): CaseEvidence[] {
  return (sqlite.prepare('select * from case_evidence where case_id = ? order by id').all(caseId) as EvidenceRow[]).map(toEvidence)
}

export interface PinnedEvent {
  eventId: number
  ts: number
  caseId: number
  caseTitle: string
}

/** A user's events pinned to any case, oldest first: the timeline highlights them. */
export function pinnedEventsOf(sqlite: BetterSqlite3.Database, user: string): PinnedEvent[] {
  return sqlite
    .prepare(
      `select ce.event_id as eventId, ce.from_ts as ts, c.id as caseId, c.title as caseTitle
       from case_evidence ce join cases c on c.id = ce.case_id
       where ce.user = ? and ce.kind = 'event' order by ce.from_ts, ce.event_id, c.id`,
    )
    .all(user.toLowerCase()) as PinnedEvent[]
}

/** The events pinned to one case, oldest first. */
export function caseEvents(sqlite: BetterSqlite3.Database, caseId: number): EventRow[] {
  const rows = sqlite
    .prepare(
      `select e.* from events e join case_evidence ce on ce.event_id = e.id
       where ce.case_id = ? and ce.kind = 'event' order by e.ts, e.id`,
    )
    .all(caseId) as StoredEvent[]
  return rows.map(toEventRow)
}
