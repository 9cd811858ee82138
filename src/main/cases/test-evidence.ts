import type BetterSqlite3 from 'better-sqlite3'

/**
 * A scored user-day with its alert, as a scoring run leaves them (user_days, user_risk, alerts),
 * for tests that need evidence without running the detectors. Returns the alert's id.
 */
export function addScoredDay(sqlite: BetterSqlite3.Database, user: string, date: string, risk: number, summary = `${user} on ${date}`): number {
  const severity = risk >= 0.75 ? 'high' : risk >= 0.5 ? 'medium' : 'low'
  const types = JSON.stringify(['after_hours'])
  sqlite
    .prepare(
      `insert into user_days (user, date, peer_group, events, risk, severity, baseline, markov, iforest, rules, ocean, types, facts, summary, features, model_version)
       values (?, ?, 'staff', 10, ?, ?, 0.1, 0.1, 0.1, ?, 0, ?, '[]', ?, '{}', 'test')`,
    )
    .run(user, date, risk, severity, risk, types, summary)
  sqlite
    .prepare(
      `insert into user_risk (user, risk, severity, types, peer_group, days, events, first_seen, last_seen, top_date, summary)
       values (?, ?, ?, ?, 'staff', 1, 10, ?, ?, ?, ?)
       on conflict (user) do update set risk = max(risk, excluded.risk)`,
    )
    .run(user, risk, severity, types, date, date, date, summary)
  const { lastInsertRowid } = sqlite
    .prepare(`insert into alerts (user, date, risk, severity, types, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'open', 1, 1)`)
    .run(user, date, risk, severity, types)
  return Number(lastInsertRowid)
}
