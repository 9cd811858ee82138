import type BetterSqlite3 from 'better-sqlite3'
import type { ApiRequest } from '../../../shared/contract'
import type { AlertStats } from '../../../shared/stats-schemas'
import { filterBy } from './scores'

// The dashboard's alert figures, counted by SQLite: one pass per figure over the alerts table
// (one row per alerting user-day) instead of the renderer paging through every alert.

/** Counts of High and Medium alerts by severity, status, anomaly type and day, and of ranked users by severity. */
export function alertStats(sqlite: BetterSqlite3.Database, query: ApiRequest<'alerts:stats'>): AlertStats {
  const where = ["severity != 'low'"]
  const parameters: Record<string, unknown> = {}
  filterBy(where, parameters, { from: query.from, to: query.to })
  const matching = `where ${where.join(' and ')}`
  const totals = sqlite
    .prepare(
      `select count(*) as total,
         coalesce(sum(severity = 'high'), 0) as high, coalesce(sum(severity = 'medium'), 0) as medium,
         coalesce(sum(status = 'open'), 0) as open, coalesce(sum(status = 'acknowledged'), 0) as acknowledged,
         coalesce(sum(status = 'closed'), 0) as closed
       from alerts ${matching}`,
    )
    .get(parameters) as Record<'total' | 'high' | 'medium' | 'open' | 'acknowledged' | 'closed', number>
  const days = sqlite
    .prepare(`select date, sum(severity = 'high') as high, sum(severity = 'medium') as medium from alerts ${matching} group by date order by date`)
    .all(parameters) as AlertStats['days']
  // `anomaly`, not `type`: json_each has a column of that name.
  const byType = sqlite
    .prepare(`select value as anomaly, count(*) as alerts from alerts, json_each(alerts.types) ${matching} group by value order by alerts desc, anomaly`)
    .all(parameters) as { anomaly: string; alerts: number }[]
  return {
    total: totals.total,
    bySeverity: { high: totals.high, medium: totals.medium },
    byStatus: { open: totals.open, acknowledged: totals.acknowledged, closed: totals.closed },
    byType: byType.map((row) => ({ type: row.anomaly, alerts: row.alerts })),
    days,
    users: usersBySeverity(sqlite),
  }
}

function usersBySeverity(sqlite: BetterSqlite3.Database): AlertStats['users'] {
  const rows = sqlite.prepare('select severity, count(*) as users from user_risk group by severity').all() as { severity: 'high' | 'medium' | 'low'; users: number }[]
  const users = { total: 0, high: 0, medium: 0, low: 0 }
  for (const row of rows) {
    users[row.severity] = row.users
    users.total += row.users
  }
  return users
}
