import type BetterSqlite3 from 'better-sqlite3'
import { severityOf } from '../../shared/severity'
import type { ScoredDay } from '../scoring/types'
import { appendAudit } from '../store/queries/audit'
import { rankUsers, type RankedUser } from './user-risk'

export interface ScoringRunFacts {
  /** Only days on or after this date changed (an incremental run); null when every day did. */
  from: string | null
  /** When set, only days in this top share of all days' risk (and at Medium or above) become alerts. */
  alertPercentile: number | null
  modelVersion: string
  startedAt: number
  events: number
  settings: unknown
}

/**
 * Replaces the scored days (all, or those from `run.from` on) and the ranking with a run's
 * results, in one transaction, and keeps
 * alerts (a day at Medium or above) with their triage: a re-score updates an alert's risk but
 * never forgets an analyst's status or verdict.
 */
export function persistScores(sqlite: BetterSqlite3.Database, days: readonly ScoredDay[], run: ScoringRunFacts, now = Date.now()): RankedUser[] {
  const insertDay = sqlite.prepare(
    `insert into user_days (user, date, peer_group, events, risk, severity, baseline, markov, iforest, rules, ocean, types, facts, summary, features, model_version)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertUser = sqlite.prepare(
    `insert into user_risk (user, risk, severity, types, peer_group, days, events, first_seen, last_seen, top_date, summary, ocean)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const upsertAlert = sqlite.prepare(
    `insert into alerts (user, date, risk, severity, types, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'open', ?, ?)
     on conflict (user, date) do update set risk = excluded.risk, severity = excluded.severity, types = excluded.types, updated_at = excluded.updated_at`,
  )
  const ranking = rankUsers(days)
  const alertFloor = run.alertPercentile === null ? 0 : quantile(days.map((day) => day.risk), run.alertPercentile)
  const from = run.from ?? ''
  sqlite.transaction(() => {
    sqlite.prepare('delete from user_days where date >= ?').run(from)
    sqlite.exec('delete from user_risk')
    for (const day of days) {
      if (day.date < from) continue
      const severity = severityOf(day.risk)
      const { baseline, markov, iforest, rules, ocean } = day.detectors
      insertDay.run(
        day.user, day.date, day.peerGroup, day.events, day.risk, severity, baseline, markov, iforest, rules, ocean,
        JSON.stringify(day.types), JSON.stringify(day.facts), day.summary, JSON.stringify(day.features), run.modelVersion,
      )
      if (severity !== 'low' && day.risk >= alertFloor) upsertAlert.run(day.user, day.date, day.risk, severity, JSON.stringify(day.types), now, now)
    }
    // Alerts whose day no longer scores Medium keep their history but drop to Low.
    sqlite
      .prepare(
        `update alerts set severity = 'low', risk = coalesce((select risk from user_days d where d.user = alerts.user and d.date = alerts.date), 0), updated_at = ?
         where date >= ? and not exists (select 1 from user_days d where d.user = alerts.user and d.date = alerts.date and d.severity != 'low')`,
      )
      .run(now, from)
    for (const user of ranking) {
      insertUser.run(user.user, user.risk, severityOf(user.risk), JSON.stringify(user.types), user.peerGroup, user.days, user.events, user.firstSeen, user.lastSeen, user.topDate, user.summary, user.ocean ? JSON.stringify(user.ocean) : null)
    }
    sqlite
      .prepare(`insert into scoring_runs (model_version, started_at, finished_at, user_days, events, settings) values (?, ?, ?, ?, ?, ?)`)
      .run(run.modelVersion, run.startedAt, now, days.length, run.events, JSON.stringify(run.settings))
    appendAudit(sqlite, { actor: 'system', action: 'scoring.run', details: { modelVersion: run.modelVersion, userDays: days.length, users: ranking.length } }, now)
  })()
  return ranking
}

/** The smallest value of the top `1 − p` share of the values (at least one value stays above). */
function quantile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}
