import type BetterSqlite3 from 'better-sqlite3'
import type { ApiRequest } from '../../../shared/contract'
import type { EventScore } from '../../../shared/scoring-schemas'

/**
 * One event judged against what the workspace knows of its user, without storing it: is the
 * host, source address or object new to them, is the action rare for them, is the hour one they
 * are rarely active in. For pipelines and for "how odd is this?" in the UI.
 */
export function scoreEvent(sqlite: BetterSqlite3.Database, input: ApiRequest<'scoring:scoreEvent'>): EventScore {
  const user = input.user.toLowerCase()
  const total = (sqlite.prepare('select count(*) as n from events where user = ? and ts < ?').get(user, input.ts) as { n: number }).n
  if (total === 0) {
    return { score: 0, known: false, facts: [`nothing is known about ${user} before this event; a first event cannot be judged`] }
  }
  const seen = (column: string, value: string | undefined): boolean | null =>
    value === undefined ? null : sqlite.prepare(`select 1 from events where user = ? and ${column} = ? and ts < ? limit 1`).get(user, value, input.ts) !== undefined
  const actionShare = (sqlite.prepare('select count(*) as n from events where user = ? and action = ? and ts < ?').get(user, input.action, input.ts) as { n: number }).n / total
  const hour = new Date(input.ts).getUTCHours()
  const hourShare =
    (sqlite.prepare(`select count(*) as n from events where user = ? and ts < ? and cast(strftime('%H', ts / 1000, 'unixepoch') as integer) = ?`).get(user, input.ts, hour) as { n: number }).n / total

  const facts: string[] = []
  let evidence = 0
  const add = (weight: number, text: string): void => {
    evidence += weight
    facts.push(text)
  }
  if (seen('host', input.host) === false) add(0.35, `${user} has never been seen on host ${input.host}`)
  if (seen('src_ip', input.srcIp) === false) add(0.25, `${user} has never come from ${input.srcIp}`)
  if (seen('object', input.object) === false) add(0.2, `${user} has never touched ${input.object}`)
  if (actionShare === 0) add(0.35, `${user} has never done ${input.action} before`)
  else if (actionShare < 0.01) add(0.15, `${input.action} is rare for ${user} (${(actionShare * 100).toFixed(1)} % of their events)`)
  if (hourShare < 0.01) add(0.25, `${user} is rarely active at ${String(hour).padStart(2, '0')}:00 UTC (${(hourShare * 100).toFixed(1)} % of their events)`)
  if (facts.length === 0) facts.push(`nothing unusual for ${user} (${total} earlier events)`)
  return { score: Math.min(1, evidence), known: true, facts }
}
