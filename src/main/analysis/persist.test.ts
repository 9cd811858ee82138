import { describe, expect, it } from 'vitest'
import type { ScoredDay } from '../scoring/types'
import { openWorkspace } from '../store/database'
import { folderPerTest } from '../store/test-workspace'
import { persistScores } from './persist'

const folder = folderPerTest()

function day(user: string, date: string, risk: number): ScoredDay {
  return {
    user, date, peerGroup: 'finance', events: 12, risk, types: risk >= 0.5 ? ['volume_spike'] : [], facts: [], summary: `${user} on ${date}`, features: {},
    detectors: { baseline: risk, markov: 0, iforest: 0, rules: 0, ocean: 0 },
  }
}

const run = { from: null, modelVersion: 'test', startedAt: 0, events: 120, settings: {} }

describe('persistScores', () => {
  it('makes Medium+ days alerts, keeps triage across runs, and ranks users', async () => {
    const workspace = await openWorkspace(folder.file('persist.db'))
    const { sqlite } = workspace
    const days = [day('alice', '2024-03-01', 0.2), day('alice', '2024-03-02', 0.8), day('bob', '2024-03-01', 0.55), day('bob', '2024-03-02', 0.1)]
    const ranking = persistScores(sqlite, days, { ...run, alertPercentile: null })
    expect(ranking.map((user) => user.user)).toEqual(['alice', 'bob'])
    expect(sqlite.prepare('select user, date, severity from alerts order by user').all()).toEqual([
      { user: 'alice', date: '2024-03-02', severity: 'high' },
      { user: 'bob', date: '2024-03-01', severity: 'medium' },
    ])
    sqlite.prepare(`update alerts set verdict = 'false_positive', status = 'closed' where user = 'bob'`).run()
    // Next run: bob's day drops to Low; his alert keeps its verdict and drops to Low too.
    persistScores(sqlite, [days[0]!, days[1]!, day('bob', '2024-03-01', 0.3), days[3]!], { ...run, alertPercentile: null })
    expect(sqlite.prepare(`select severity, verdict, status from alerts where user = 'bob'`).get()).toEqual({ severity: 'low', verdict: 'false_positive', status: 'closed' })
    await workspace.close()
  })

  it('with a percentile threshold, only the riskiest share of days become alerts', async () => {
    const workspace = await openWorkspace(folder.file('percentile.db'))
    const days = Array.from({ length: 10 }, (_, index) => day(`user${index}`, '2024-03-01', 0.5 + index * 0.05))
    persistScores(workspace.sqlite, days, { ...run, alertPercentile: 0.9 })
    expect(workspace.sqlite.prepare('select user from alerts').all()).toEqual([{ user: 'user9' }])
    await workspace.close()
  })
})
