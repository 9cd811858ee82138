import type BetterSqlite3 from 'better-sqlite3'
import type { ApiRequest } from '../../../shared/contract'
import { ArgusError } from '../../../shared/errors'
import { appendAudit } from './audit'
import type { Alert, DetectorPrecision, RankCursor, ScoredDayRow, UserDetail, UserRisk } from '../../../shared/scoring-schemas'
import { writeTransaction } from '../write-transaction'

// Scoring results as the screens read them. Plain SQL on the raw connection: these are
// keyset-paged reads over indexed columns, and their filters are easier to read as SQL.

interface UserRiskRow {
  user: string
  risk: number
  severity: UserRisk['severity']
  types: string
  peer_group: string
  days: number
  events: number
  first_seen: string
  last_seen: string
  top_date: string
  summary: string
  ocean: string | null
}

function toUserRisk(row: UserRiskRow): UserRisk {
  return {
    user: row.user, risk: row.risk, severity: row.severity, types: JSON.parse(row.types) as string[], peerGroup: row.peer_group,
    days: row.days, events: row.events, firstSeen: row.first_seen, lastSeen: row.last_seen, topDate: row.top_date, summary: row.summary,
  }
}

/** Filters that are not `column = value`: `type` matches one element of the JSON `types` array; `from`/`to` bound the day. */
const conditions: Readonly<Record<string, string>> = {
  type: 'exists (select 1 from json_each(types) where value = @type)',
  from: 'date >= @from',
  to: 'date <= @to',
}

/** Adds a condition for every filter given. Values travel as named parameters, never in the SQL text. */
export function filterBy(where: string[], parameters: Record<string, unknown>, filters: Record<string, string | undefined>): void {
  for (const [column, value] of Object.entries(filters)) {
    if (value === undefined) continue
    where.push(conditions[column] ?? `${column} = @${column}`)
    parameters[column] = value
  }
}

/** The ranking, riskiest first, keyset-paged on (risk, user). */
export function listRiskyUsers(sqlite: BetterSqlite3.Database, query: ApiRequest<'users:listRisky'>): { items: UserRisk[]; nextCursor: RankCursor | null } {
  const where: string[] = []
  const parameters: Record<string, unknown> = { limit: query.limit + 1 }
  if (query.cursor) {
    where.push('(risk < @risk or (risk = @risk and user > @user))')
    Object.assign(parameters, { risk: query.cursor.risk, user: query.cursor.user })
  }
  filterBy(where, parameters, { severity: query.severity, peer_group: query.peerGroup, type: query.type })
  if (query.search) {
    where.push("user like @search escape '\\'")
    parameters.search = `%${query.search.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`
  }
  const rows = sqlite
    .prepare(`select * from user_risk ${where.length ? `where ${where.join(' and ')}` : ''} order by risk desc, user limit @limit`)
    .all(parameters) as UserRiskRow[]
  const items = rows.slice(0, query.limit).map(toUserRisk)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? { risk: last.risk, user: last.user } : null }
}

interface UserDayRow {
  date: string
  risk: number
  severity: ScoredDayRow['severity']
  events: number
  baseline: number
  markov: number
  iforest: number
  rules: number
  ocean: number
  types: string
  facts: string
  summary: string
}

function toScoredDayRow(row: UserDayRow): ScoredDayRow {
  return {
    date: row.date,
    risk: row.risk,
    severity: row.severity,
    events: row.events,
    detectors: { baseline: row.baseline, markov: row.markov, iforest: row.iforest, rules: row.rules, ocean: row.ocean },
    types: JSON.parse(row.types) as string[],
    facts: JSON.parse(row.facts) as ScoredDayRow['facts'],
    summary: row.summary,
  }
}

/** One scored user-day, or null when the latest run did not score it. */
export function userDayOf(sqlite: BetterSqlite3.Database, user: string, date: string): ScoredDayRow | null {
  const row = sqlite.prepare('select * from user_days where user = ? and date = ?').get(user, date) as UserDayRow | undefined
  return row ? toScoredDayRow(row) : null
}

export function userDetail(sqlite: BetterSqlite3.Database, user: string): UserDetail {
  const risk = sqlite.prepare('select * from user_risk where user = ?').get(user) as UserRiskRow | undefined
  if (!risk) throw new ArgusError('not_found', `no scored user '${user}' (import and score first)`)
  const days = (sqlite.prepare('select * from user_days where user = ? order by date').all(user) as UserDayRow[]).map(toScoredDayRow)
  const profile = (kind: string): Record<string, string | number> | null => {
    const row = sqlite.prepare('select fields from user_profiles where user = ? and kind = ? order by id desc limit 1').get(user, kind) as
      | { fields: string }
      | undefined
    return row ? (JSON.parse(row.fields) as Record<string, string | number>) : null
  }
  return {
    user: toUserRisk(risk),
    days,
    ocean: risk.ocean ? (JSON.parse(risk.ocean) as UserDetail['ocean']) : null,
    profile: { psychometric: profile('psychometric'), directory: profile('directory') },
  }
}

interface AlertRow {
  id: number
  user: string
  date: string
  risk: number
  severity: Alert['severity']
  types: string
  status: Alert['status']
  verdict: Alert['verdict']
  created_at: number
  updated_at: number
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id, user: row.user, date: row.date, risk: row.risk, severity: row.severity, types: JSON.parse(row.types) as string[],
    status: row.status, verdict: row.verdict, createdAt: row.created_at, updatedAt: row.updated_at,
  }
}

/** Alerts riskiest first, keyset-paged on (risk, id); Low ones (a day that no longer scores) are left out. */
export function listAlerts(sqlite: BetterSqlite3.Database, query: ApiRequest<'alerts:list'>): { items: Alert[]; nextCursor: { risk: number; id: number } | null } {
  const where: string[] = []
  const parameters: Record<string, unknown> = { limit: query.limit + 1 }
  if (query.cursor) {
    where.push('(risk < @risk or (risk = @risk and id > @id))')
    Object.assign(parameters, { risk: query.cursor.risk, id: query.cursor.id })
  }
  if (!query.severity) where.push("severity != 'low'")
  filterBy(where, parameters, { severity: query.severity, status: query.status, user: query.user, type: query.type, from: query.from, to: query.to })
  const rows = sqlite.prepare(`select * from alerts where ${where.join(' and ')} order by risk desc, id limit @limit`).all(parameters) as AlertRow[]
  const items = rows.slice(0, query.limit).map(toAlert)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? { risk: last.risk, id: last.id } : null }
}

export function getAlert(sqlite: BetterSqlite3.Database, id: number): Alert {
  const row = sqlite.prepare('select * from alerts where id = ?').get(id) as AlertRow | undefined
  if (!row) throw new ArgusError('not_found', `no alert #${id}`)
  return toAlert(row)
}

/** Triage of one alert, with its audit entry, in one transaction. */
export function setVerdict(sqlite: BetterSqlite3.Database, input: ApiRequest<'alerts:verdict'>, actor = 'analyst', now = Date.now()): Alert {
  return writeTransaction(sqlite, () => {
    const before = getAlert(sqlite, input.id)
    const verdict = input.verdict === undefined ? before.verdict : input.verdict
    // A verdict is a decision: the alert is no longer open unless the analyst says otherwise.
    const status = input.status ?? (input.verdict ? 'closed' : before.status)
    sqlite.prepare('update alerts set verdict = ?, status = ?, updated_at = ? where id = ?').run(verdict, status, now, input.id)
    appendAudit(sqlite, { actor, action: 'alert.triage', details: { id: input.id, user: before.user, date: before.date, verdict, status } }, now)
    return getAlert(sqlite, input.id)
  })
}

/** user → anomaly type → how many of that user's alerts of that type an analyst called false positive. */
export function falsePositiveCounts(sqlite: BetterSqlite3.Database): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>()
  const rows = sqlite
    .prepare(`select user, value as type, count(*) as n from alerts, json_each(alerts.types) where verdict = 'false_positive' group by user, value`)
    .all() as { user: string; type: string; n: number }[]
  for (const row of rows) {
    const types = counts.get(row.user) ?? new Map<string, number>()
    types.set(row.type, row.n)
    counts.set(row.user, types)
  }
  return counts
}

export interface AnalyzedUser {
  user: string
  risk: number
  severity: UserRisk['severity']
  types: string[]
  days: { date: string; score: number; severity: UserRisk['severity']; types: string[]; detectors: ScoredDayRow['detectors'] }[]
}

/** Every ranked user with every scored day, riskiest user first: `argus analyze --json`. */
export function analyzedUsers(sqlite: BetterSqlite3.Database): AnalyzedUser[] {
  const users = (sqlite.prepare('select * from user_risk order by risk desc, user').all() as UserRiskRow[]).map(toUserRisk)
  const days = sqlite.prepare('select * from user_days order by user, date').all() as (UserDayRow & { user: string })[]
  const byUser = new Map<string, AnalyzedUser['days']>()
  for (const row of days) {
    const list = byUser.get(row.user) ?? []
    list.push({
      date: row.date,
      score: row.risk,
      severity: row.severity,
      types: JSON.parse(row.types) as string[],
      detectors: { baseline: row.baseline, markov: row.markov, iforest: row.iforest, rules: row.rules, ocean: row.ocean },
    })
    byUser.set(row.user, list)
  }
  return users.map((user) => ({ user: user.user, risk: user.risk, severity: user.severity, types: user.types, days: byUser.get(user.user) ?? [] }))
}

/** Each detector's precision from analyst verdicts: of the judged alerts it scored ≥ 0.5 on, how many were real. */
export function detectorPrecision(sqlite: BetterSqlite3.Database): DetectorPrecision[] {
  return (['baseline', 'markov', 'iforest', 'rules', 'ocean'] as const).map((detector) => {
    const row = sqlite
      .prepare(
        `select count(*) as judged, coalesce(sum(a.verdict = 'true_positive'), 0) as truePositives
         from alerts a join user_days d on d.user = a.user and d.date = a.date
         where a.verdict is not null and d.${detector} >= 0.5`,
      )
      .get() as { judged: number; truePositives: number }
    return { detector, judged: row.judged, truePositives: row.truePositives, precision: row.judged > 0 ? row.truePositives / row.judged : null }
  })
}
