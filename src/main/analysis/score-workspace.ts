import type BetterSqlite3 from 'better-sqlite3'
import type { Alert, ScoringSummary } from '../../shared/scoring-schemas'
import { fitIsolationForest, scoreMany } from '../scoring/isolation-forest'
import type { Rule } from '../scoring/rules'
import { createProfileCollector, groupProfiles } from '../scoring/peer-groups'
import { createSeriesScorer, type ScoredDate, type SeriesScorer } from '../scoring/score-series'
import { defaultWeights, type DetectorWeights, type ScoredDay } from '../scoring/types'
import { openWorkerConnection } from '../store/database'
import { falsePositiveCounts, getAlert } from '../store/queries/scores'
import { readSetting } from '../store/queries/settings'
import { readRuleSet } from '../store/queries/rule-set'
import { addDays } from '../../shared/calendar-days'
import { localDate } from '../store/zoned-days'
import { dampFalsePositives } from './feedback'
import { persistScores } from './persist'
import { createDayReader, eventDates, readDirectory, usersFirstSeen, type DayReader } from './read-days'

/** Bumped whenever features, detectors or their defaults change: stored with every score. */
export const modelVersion = 'argus-scoring-16'

export interface ScoreOptions {
  nativeBinding?: string | null
  /** Score everything even when the last run would allow only the newest dates (what settles an unsettled run). */
  full?: boolean
  report(progress: { stage: string; done: number; total: number }): void
}

interface Settings {
  timeZone: string
  weights: DetectorWeights
  rules: Rule[]
  alertPercentile: number | null
  falsePositives: Map<string, Map<string, number>>
  directory: Map<string, string>
}

/**
 * What a finished run leaves in the worker's memory so the next run can score only what is new:
 * the scorer with every date committed but the newest, which stays open because live syslog keeps
 * adding to today. A run whose new events all fall on or after that date re-scores from it; any
 * other change (settings, verdicts, an import of older logs, a deletion) makes a full run.
 */
interface Checkpoint {
  workspacePath: string
  /** Everything besides the events that scores depend on. */
  fingerprint: string
  lastEventId: number
  eventCount: number
  peerGroups: Map<string, string>
  /** Where the events the groups were fitted on end. */
  profileWindows: ProfileWindows
  /** Whether these scores are a full run's: false once an incremental run added events the groups would have been fitted on. */
  settled: boolean
  scorer: SeriesScorer
  open: { date: string; scored: ScoredDate } | null
  /** Every scored day, undamped, oldest date first. */
  days: ScoredDay[]
}

let checkpoint: Checkpoint | null = null

/** Scores a workspace inside a worker: only the newest dates when the last run allows it, else all. */
export function scoreWorkspace(workspacePath: string, options: ScoreOptions): { summary: ScoringSummary; newAlerts: Alert[] } {
  const startedAt = Date.now()
  const sqlite = openWorkerConnection(workspacePath, { nativeBinding: options.nativeBinding ?? null })
  try {
    const settings = readSettings(sqlite)
    const fingerprint = JSON.stringify([modelVersion, settings.timeZone, settings.weights, settings.rules, settings.alertPercentile, [...settings.falsePositives].map(([user, counts]) => [user, [...counts]]), [...settings.directory]])
    const latest = sqlite.prepare('select coalesce(max(id), 0) as id, count(*) as count from events').get() as { id: number; count: number }
    const lastAlert = (sqlite.prepare('select coalesce(max(id), 0) as id from alerts').get() as { id: number }).id
    const from = options.full ? null : incrementalStart(sqlite, workspacePath, fingerprint, settings.timeZone, latest.count)
    const settled = from === null || (checkpoint!.settled && !movesPeerGroups(sqlite, checkpoint!, settings.timeZone))
    const state = from === null ? fullRun(sqlite, settings, options) : continueRun(checkpoint!, sqlite, settings, from, options)
    checkpoint = { ...state, workspacePath, fingerprint, lastEventId: latest.id, eventCount: latest.count, settled }
    options.report({ stage: 'saving', done: 2, total: 3 })
    const days = dampFalsePositives(state.days, settings.falsePositives)
    const ranking = persistScores(sqlite, days, {
      from,
      alertPercentile: settings.alertPercentile,
      modelVersion,
      startedAt,
      events: latest.count,
      settings: { weights: settings.weights, rules: settings.rules.length, timeZone: settings.timeZone, alertPercentile: settings.alertPercentile, from },
    })
    const newIds = sqlite.prepare(`select id from alerts where id > ? and severity != 'low' order by risk desc`).all(lastAlert) as { id: number }[]
    const alerts = (sqlite.prepare(`select count(*) as n from alerts where severity != 'low'`).get() as { n: number }).n
    options.report({ stage: 'done', done: 3, total: 3 })
    return {
      summary: { modelVersion, events: latest.count, users: ranking.length, userDays: days.length, alerts, seconds: (Date.now() - startedAt) / 1000, incremental: from !== null, settled, startedAt },
      newAlerts: newIds.map(({ id }) => getAlert(sqlite, id)),
    }
  } catch (error) {
    checkpoint = null
    throw error
  } finally {
    sqlite.close()
  }
}

/** Forgets the worker's checkpoint, so the next run is a full one. */
export function forgetCheckpoint(): void {
  checkpoint = null
}

function readSettings(sqlite: BetterSqlite3.Database): Settings {
  return {
    timeZone: readSetting(sqlite, 'workspace.timeZone', 'UTC'),
    weights: readSetting<DetectorWeights>(sqlite, 'scoring.weights', defaultWeights),
    rules: readRuleSet(sqlite),
    alertPercentile: readSetting<number | null>(sqlite, 'scoring.alertPercentile', null),
    falsePositives: falsePositiveCounts(sqlite),
    directory: readDirectory(sqlite),
  }
}

/** The open date to re-score from when only new events on or after it arrived; null for a full run. */
function incrementalStart(sqlite: BetterSqlite3.Database, workspacePath: string, fingerprint: string, timeZone: string, total: number): string | null {
  const last = checkpoint
  if (last === null || last.workspacePath !== workspacePath || last.fingerprint !== fingerprint || last.open === null) return null
  const added = sqlite.prepare('select min(ts) as first, count(*) as count from events where id > ?').get(last.lastEventId) as { first: number | null; count: number }
  // Rows went missing (a deleted import), or nothing is new: score everything again / nothing to add.
  if (total !== last.eventCount + added.count) return null
  if (added.first === null) return last.open.date
  if (localDate(added.first, timeZone) < last.open.date) return null
  // A new user needs a peer group, and groups are fitted once per full run.
  const strangers = sqlite.prepare('select 1 from events where id > ? and user is not null and user not in (select value from json_each(?)) limit 1')
  return strangers.get(last.lastEventId, JSON.stringify([...last.peerGroups.keys()])) === undefined ? last.open.date : null
}

/**
 * Whether the events added since `last` fall inside the days peer groups are fitted on (the
 * workspace's first three weeks, a later user's own first three): a full run would fit other
 * groups, so the incremental run's numbers are not yet a full run's.
 */
function movesPeerGroups(sqlite: BetterSqlite3.Database, last: Checkpoint, timeZone: string): boolean {
  const added = sqlite.prepare('select user, min(ts) as first from events where id > ? group by user').all(last.lastEventId) as { user: string | null; first: number }[]
  return added.some(({ user, first }) => {
    const date = localDate(first, timeZone)
    return date < last.profileWindows.everyone || (user !== null && date < (last.profileWindows.users.get(user) ?? ''))
  })
}

type RunState = Pick<Checkpoint, 'peerGroups' | 'profileWindows' | 'scorer' | 'open' | 'days'>

function fullRun(sqlite: BetterSqlite3.Database, settings: Settings, options: ScoreOptions): RunState {
  const span = eventDates(sqlite, settings.timeZone)
  const reader = createDayReader(sqlite, settings.timeZone)
  options.report({ stage: 'finding peer groups', done: 0, total: 3 })
  const profileWindows = span === null ? { everyone: '', users: new Map<string, string>() } : findProfileWindows(sqlite, settings, span.first)
  const peerGroups = span === null ? new Map<string, string>() : findPeerGroups(reader, settings, span.first, span.last, profileWindows)
  const scorer = createSeriesScorer(peerGroups, scorerOptions(settings))
  const state: RunState = { peerGroups, profileWindows, scorer, open: null, days: [] }
  if (span !== null) scoreDates(state, reader, span.first, span.last, options)
  return state
}

function continueRun(last: Checkpoint, sqlite: BetterSqlite3.Database, settings: Settings, from: string, options: ScoreOptions): RunState {
  const reader = createDayReader(sqlite, settings.timeZone)
  const state: RunState = { peerGroups: last.peerGroups, profileWindows: last.profileWindows, scorer: last.scorer, open: null, days: last.days.filter((day) => day.date < from) }
  const span = eventDates(sqlite, settings.timeZone)
  scoreDates(state, reader, from, span?.last ?? from, options)
  return state
}

/**
 * Scores the dates from `first` to `last` in order, committing each date to history when the
 * next one with events is reached; the newest stays open for a later run to re-score.
 */
function scoreDates(state: RunState, reader: DayReader, first: string, last: string, options: ScoreOptions): void {
  const total = dayCount(first, last)
  for (let date = first, index = 0; date <= last; date = addDays(date, 1), index++) {
    const days = reader.read(date)
    if (index % 8 === 0) options.report({ stage: 'scoring', done: 1 + index / total, total: 3 })
    if (days.length === 0) continue
    state.open?.scored.commit()
    const scored = state.scorer.scoreDate(days)
    state.open = { date, scored }
    state.days.push(...scored.days)
  }
}

/** Days, counted from the first event of the workspace (or of a user first seen after them), that peer groups are fitted on. */
const profileWindowDays = 21

/** The dates (exclusive) the peer-group profiles stop at: everyone's first three weeks, and each later user's own. */
interface ProfileWindows {
  everyone: string
  /** Users first seen after everyone's window, directory users aside (their group is given). */
  users: Map<string, string>
}

function findProfileWindows(sqlite: BetterSqlite3.Database, settings: Settings, first: string): ProfileWindows {
  const everyone = addDays(first, profileWindowDays)
  const users = new Map<string, string>()
  for (const [user, firstSeen] of usersFirstSeen(sqlite, settings.timeZone)) {
    if (firstSeen >= everyone && !settings.directory.has(user)) users.set(user, addDays(firstSeen, profileWindowDays))
  }
  return { everyone, users }
}

/**
 * The directory's groups, and behavioural clusters of every other user's first days: the opening
 * three weeks are read a date at a time for everyone; a user first seen after them is read alone
 * (the (user, ts) index) over their own first three weeks, so late arrivals cost only their rows.
 */
function findPeerGroups(reader: DayReader, settings: Settings, first: string, last: string, windows: ProfileWindows): Map<string, string> {
  const collector = createProfileCollector()
  for (let date = first; date <= last && date < windows.everyone; date = addDays(date, 1)) {
    for (const day of reader.read(date)) if (!settings.directory.has(day.user)) collector.add(day)
  }
  for (const [user, end] of windows.users) {
    for (const day of reader.readUser(user, addDays(end, -profileWindowDays), end)) collector.add(day)
  }
  const groups = groupProfiles(collector, { seed: 1 })
  for (const [user, group] of settings.directory) groups.set(user, group)
  return groups
}

function scorerOptions(settings: Settings): Parameters<typeof createSeriesScorer>[1] {
  return {
    weights: settings.weights,
    rules: settings.rules,
    iforest: (matrix) => scoreMany(fitIsolationForest(matrix, { seed: 1 }), matrix),
  }
}

function dayCount(first: string, last: string): number {
  return Math.max(1, Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1)
}
