import type { Alert, ScoringSummary } from '../../shared/scoring-schemas'
import { fitIsolationForest, scoreMany } from '../scoring/isolation-forest'
import { defaultRules } from '../scoring/rules-default'
import { validateRules } from '../scoring/rules'
import { assignPeerGroups } from '../scoring/peer-groups'
import { scoreSeries } from '../scoring/score-series'
import { defaultWeights, type DetectorWeights } from '../scoring/types'
import { openWorkerConnection } from '../store/database'
import { falsePositiveCounts, getAlert } from '../store/queries/scores'
import { readSetting } from '../store/queries/settings'
import { dampFalsePositives } from './feedback'
import { persistScores } from './persist'
import { readSeries } from './read-series'

/** Bumped whenever features, detectors or their defaults change: stored with every score. */
export const modelVersion = 'argus-scoring-1'

export interface ScoreOptions {
  nativeBinding?: string | null
  report(progress: { stage: string; done: number; total: number }): void
}

/** A full re-score of one workspace, run inside a worker: read, score, damp, persist. */
export function scoreWorkspace(workspacePath: string, options: ScoreOptions): { summary: ScoringSummary; newAlerts: Alert[] } {
  const startedAt = Date.now()
  const sqlite = openWorkerConnection(workspacePath, { nativeBinding: options.nativeBinding ?? null })
  try {
    options.report({ stage: 'reading events', done: 0, total: 3 })
    const timeZone = readSetting(sqlite, 'workspace.timeZone', 'UTC')
    const weights = readSetting<DetectorWeights>(sqlite, 'scoring.weights', defaultWeights)
    const stored = readSetting<unknown>(sqlite, 'scoring.rules', null)
    const rules = stored === null ? [...defaultRules] : validateRules(stored).rules
    const series = readSeries(sqlite, timeZone)
    // Directory groups where LDAP/HR data was imported, behavioural clusters for everyone else.
    const directory = new Map(series.filter((entry) => entry.peerGroup !== '').map((entry) => [entry.user, entry.peerGroup]))
    const groups = assignPeerGroups(series, { directory, seed: 1 })
    for (const entry of series) entry.peerGroup = groups.get(entry.user) ?? 'unassigned'
    const events = series.reduce((sum, user) => sum + user.days.reduce((count, day) => count + day.events.length, 0), 0)
    options.report({ stage: 'scoring', done: 1, total: 3 })
    const scored = scoreSeries(series, {
      weights,
      rules,
      iforest: (matrix) => scoreMany(fitIsolationForest(matrix, { seed: 1 }), matrix),
    })
    const days = dampFalsePositives(scored, falsePositiveCounts(sqlite))
    options.report({ stage: 'saving', done: 2, total: 3 })
    const lastAlert = (sqlite.prepare('select coalesce(max(id), 0) as id from alerts').get() as { id: number }).id
    const alertPercentile = readSetting<number | null>(sqlite, 'scoring.alertPercentile', null)
    const ranking = persistScores(sqlite, days, { alertPercentile, modelVersion, startedAt, events, settings: { weights, rules: rules.length, timeZone, alertPercentile } })
    const newIds = sqlite.prepare(`select id from alerts where id > ? and severity != 'low' order by risk desc`).all(lastAlert) as { id: number }[]
    const alerts = (sqlite.prepare(`select count(*) as n from alerts where severity != 'low'`).get() as { n: number }).n
    options.report({ stage: 'done', done: 3, total: 3 })
    return {
      summary: { modelVersion, events, users: ranking.length, userDays: days.length, alerts, seconds: (Date.now() - startedAt) / 1000 },
      newAlerts: newIds.map(({ id }) => getAlert(sqlite, id)),
    }
  } finally {
    sqlite.close()
  }
}
