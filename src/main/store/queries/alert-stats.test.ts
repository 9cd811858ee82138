import type BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../database'
import { folderPerTest } from '../test-workspace'
import { alertStats } from './alert-stats'
import { listAlerts } from './scores'

const folder = folderPerTest()

function addAlert(sqlite: BetterSqlite3.Database, user: string, date: string, severity: string, types: string[], status = 'open'): void {
  const risk = severity === 'high' ? 0.8 : severity === 'medium' ? 0.6 : 0.3
  sqlite
    .prepare(`insert into alerts (user, date, risk, severity, types, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, 0)`)
    .run(user, date, risk, severity, JSON.stringify(types), status)
}

function addRankedUser(sqlite: BetterSqlite3.Database, user: string, severity: string): void {
  sqlite
    .prepare(
      `insert into user_risk (user, risk, severity, types, peer_group, days, events, first_seen, last_seen, top_date, summary)
       values (?, 0.5, ?, '[]', 'staff', 1, 1, '2024-06-01', '2024-06-01', '2024-06-01', '')`,
    )
    .run(user, severity)
}

describe('alertStats', () => {
  it('counts High and Medium alerts by severity, status, type and day, within a span of days', async () => {
    const workspace = await openWorkspace(folder.file('stats.db'))
    const { sqlite } = workspace
    addAlert(sqlite, 'alice', '2024-06-01', 'high', ['exfiltration', 'after_hours'])
    addAlert(sqlite, 'bob', '2024-06-01', 'medium', ['after_hours'], 'acknowledged')
    addAlert(sqlite, 'alice', '2024-06-03', 'medium', ['brute_force'], 'closed')
    addAlert(sqlite, 'carol', '2024-06-05', 'high', ['after_hours'])
    // A day that no longer scores: left out, as alerts:list leaves it out.
    addAlert(sqlite, 'dave', '2024-06-03', 'low', ['after_hours'])
    addRankedUser(sqlite, 'alice', 'high')
    addRankedUser(sqlite, 'bob', 'medium')
    addRankedUser(sqlite, 'carol', 'low')
    addRankedUser(sqlite, 'dave', 'low')

    const users = { total: 4, high: 1, medium: 1, low: 2 }
    expect(alertStats(sqlite, {})).toEqual({
      total: 4,
      bySeverity: { high: 2, medium: 2 },
      byStatus: { open: 2, acknowledged: 1, closed: 1 },
      byType: [
        { type: 'after_hours', alerts: 3 },
        { type: 'brute_force', alerts: 1 },
        { type: 'exfiltration', alerts: 1 },
      ],
      days: [
        { date: '2024-06-01', high: 1, medium: 1 },
        { date: '2024-06-03', high: 0, medium: 1 },
        { date: '2024-06-05', high: 1, medium: 0 },
      ],
      users,
    })
    expect(alertStats(sqlite, { from: '2024-06-02', to: '2024-06-05' })).toEqual({
      total: 2,
      bySeverity: { high: 1, medium: 1 },
      byStatus: { open: 1, acknowledged: 0, closed: 1 },
      byType: [
        { type: 'after_hours', alerts: 1 },
        { type: 'brute_force', alerts: 1 },
      ],
      days: [
        { date: '2024-06-03', high: 0, medium: 1 },
        { date: '2024-06-05', high: 1, medium: 0 },
      ],
      users,
    })
    expect(alertStats(sqlite, { from: '2025-01-01', to: '2025-01-31' })).toMatchObject({ total: 0, byType: [], days: [], bySeverity: { high: 0, medium: 0 } })
    await workspace.close()
  })

  it('lets alerts:list narrow to a span of days too', async () => {
    const workspace = await openWorkspace(folder.file('list.db'))
    const { sqlite } = workspace
    addAlert(sqlite, 'alice', '2024-06-01', 'high', ['exfiltration'])
    addAlert(sqlite, 'bob', '2024-06-02', 'medium', ['after_hours'])
    addAlert(sqlite, 'carol', '2024-06-03', 'high', ['after_hours'])
    const dates = (query: { from?: string; to?: string; type?: string }): string[] =>
      listAlerts(sqlite, { limit: 100, ...query }).items.map((alert) => alert.date)
    expect(dates({ from: '2024-06-02', to: '2024-06-03' })).toEqual(['2024-06-03', '2024-06-02'])
    expect(dates({ from: '2024-06-02' })).toEqual(['2024-06-03', '2024-06-02'])
    expect(dates({ to: '2024-06-01' })).toEqual(['2024-06-01'])
    expect(dates({ from: '2024-06-01', to: '2024-06-02', type: 'after_hours' })).toEqual(['2024-06-02'])
    await workspace.close()
  })
})
