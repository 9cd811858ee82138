import { comparedValues, featureSpecs, featureStats, isPersonalFeature, scoreBaseline, type BaselineResult, type FeatureStats, type GroupWideFeature } from './baseline'
import { combineDetectors, normalizeWeights } from './combine'
import { anomalyTypeLabels, summarizeDay } from './explain'
import { computeDayFeatures, defaultWorkingTime, featureCount, featureNames, type WorkingTime } from './features'
import {
  createPopulationHistory, createUserHistory, evidenceThreshold, gradedScore, groupWide, isPresent, madToSigma, presentDays, rememberPopulationDay, rememberUploads, rememberUserDay,
  type PopulationHistory, type SiteUploaders, type UserHistory,
} from './history'
import { scoreMarkov } from './markov'
import { scoreOcean } from './ocean'
import { buildFailureIndex, buildGrantIndex, dampGroupWide, evaluateRules, isPersonalRule, type GroupWideRule, type Rule } from './rules'
import type { AnomalyType, DetectorId, DetectorResult, DetectorWeights, ScoredDay, UserDay, UserSeries } from './types'

// The orchestrator. Dates are walked in order; every user-day of a date is scored against the
// state left by earlier dates only (own history, peer group, everyone, the Isolation Forest's
// reference rows), then all of that date's days are remembered. So a day's score never depends
// on a later day, and re-scoring the same data gives the same numbers.

export interface ScoreOptions {
  weights: DetectorWeights
  rules: readonly Rule[]
  /** Fits an Isolation Forest on the rows and returns each row's anomaly score in [0, 1]. */
  iforest: (matrix: Float64Array[]) => Float64Array
  working?: WorkingTime
  /** Earlier active days before a user's own history is trusted fully. Default 5. */
  minHistory?: number
  /** At most this many earlier rows are passed to the forest beside the date's rows. Default 1024. */
  isolationReference?: number
}

/**
 * The Isolation Forest's columns: per anomaly type, the largest deviation of the day from the
 * user's usual (or the peers' while the user is new) among that type's compared features, in
 * spreads. One column per type rather than per feature keeps the forest from spending its random
 * splits on dozens of quiet columns, so a day far out on one or two kinds of behaviour is isolated.
 */
export const isolationTypes: readonly AnomalyType[] = [...new Set(featureNames.filter((name) => featureSpecs[name].compared).map((name) => featureSpecs[name].type))]
const comparedFeatures = featureNames.map((name, index) => ({ name, index })).filter(({ name }) => featureSpecs[name].compared)
/** Fewer earlier rows than this and the forest stays silent: it would only learn who is busy. */
const minIsolationReference = 100
/**
 * The forest's calibrated z needs this much more than the other detectors' before it counts: the
 * reference scores are tightly bunched, so their MAD is small and ordinary busy days reach z 4.
 */
const isolationMargin = 1.5
/** A population needs this many remembered user-days before its stats stand for the group. */
const minPopulationDays = 10

/** One date's scored days, not yet history: `commit` makes them so (once; later dates need it). */
export interface ScoredDate {
  days: ScoredDay[]
  commit(): void
}

/**
 * Scoring as a walk over dates that keeps its state between them: `scoreDate` scores one date's
 * user-days against what earlier committed dates left, so a caller can stream a workspace a date
 * at a time, and can re-score the newest date when more of its events arrive (live syslog) by
 * scoring it again before committing.
 */
export interface SeriesScorer {
  scoreDate(days: readonly UserDay[]): ScoredDate
}

/** `peerGroups`: user → group (directory or behavioural cluster); users not in it share 'unassigned'. */
export function createSeriesScorer(peerGroups: ReadonlyMap<string, string>, options: ScoreOptions): SeriesScorer {
  const weights = normalizeWeights(options.weights)
  const working = options.working ?? defaultWorkingTime
  const minHistory = options.minHistory ?? 5
  const personalRules = new Set(options.rules.filter(isPersonalRule).map((rule) => rule.id))
  const referenceSize = options.isolationReference ?? 1024
  const histories = new Map<string, UserHistory>()
  const populations = new Map<string, PopulationHistory>()
  const everyone = createPopulationHistory()
  const uploaders: SiteUploaders = new Map()
  const reference: Float64Array[] = []
  let lastCommitted = ''
  const groupOf = (user: string): string => peerGroups.get(user) ?? 'unassigned'
  const historyOf = (user: string): UserHistory => {
    let history = histories.get(user)
    if (history === undefined) histories.set(user, (history = createUserHistory()))
    return history
  }
  const populationOf = (group: string): PopulationHistory => {
    let population = populations.get(group)
    if (population === undefined) populations.set(group, (population = createPopulationHistory()))
    return population
  }

  function scoreDate(days: readonly UserDay[]): ScoredDate {
    const date = days[0]?.date ?? ''
    if (days.some((day) => day.date !== date)) throw new RangeError('scoreDate takes the days of one date')
    if (date !== '' && date <= lastCommitted) throw new RangeError(`date ${date} is not after the last committed date ${lastCommitted}`)
    const failures = buildFailureIndex(days)
    const grants = buildGrantIndex(days)
    const typicalSpread = typicalSpreadOf(histories.values(), minHistory)
    const statsCache = new Map<PopulationHistory, FeatureStats>()
    const peerOf = (group: string): PopulationHistory | null => {
      const population = populations.get(group)
      if (population !== undefined && population.days >= minPopulationDays) return population
      return everyone.days >= minPopulationDays ? everyone : null
    }
    const statsOf = (population: PopulationHistory): FeatureStats => {
      let stats = statsCache.get(population)
      if (stats === undefined) statsCache.set(population, (stats = featureStats(population.compared, population.days)))
      return stats
    }
    const scored = days.map((day) => {
      const group = groupOf(day.user)
      const history = historyOf(day.user)
      const peer = peerOf(group)
      const features = computeDayFeatures(day, history.seen, working)
      const compared = comparedValues(features.vector)
      const present = presentDays(history)
      const userStats = present > 0 ? featureStats(history.compared, present) : null
      const peerStats = peer === null ? null : statsOf(peer)
      const baselineContext = { user: userStats, peer: peerStats, typicalSpread, minHistory }
      const baseline = scoreBaseline(features.vector, compared, baselineContext)
      const markov = scoreMarkov(
        features.sequence,
        { user: history.transitions, peer: peer === everyone ? null : (peer?.transitions ?? null), global: everyone.transitions },
        { own: history.surprise, population: everyone.surprise, userDays: history.days, minHistory },
      )
      const rules = evaluateRules(options.rules, { day, features, history, failures, grants, uploaders })
      const ocean = scoreOcean(history.vectors, features.vector)
      const center = present >= minHistory || peerStats === null ? userStats : peerStats
      const row = center === null ? null : isolationRow(compared, center, typicalSpread)
      return { day, group, history, features, compared, baselineContext, baseline, markov, rules, ocean, row, phantom: isPhantom(day), coldShare: Math.min(1, present / minHistory) }
    })

    const groupDays = groupWideRules(scored, personalRules)
    const groupFeatures = groupWideFeatures(scored)
    const isolation = isolationScores(scored.map((entry) => entry.row), reference, referenceSize, options.iforest)
    const results = scored.map((entry, position): ScoredDay => {
      const iforest = isolationResult(isolation[position]!, entry.row, entry.coldShare)
      const groupDay = groupDays.get(entry.group)
      const rules = groupDay === undefined || entry.phantom ? entry.rules : dampGroupWide(entry.rules, groupDay)
      const sharedFeatures = groupFeatures.get(entry.group)
      const baseline = sharedFeatures === undefined || entry.phantom || !standsOutIn(entry.baseline, sharedFeatures) ? entry.baseline : scoreBaseline(entry.features.vector, entry.compared, { ...entry.baselineContext, groupWide: sharedFeatures })
      const found: Record<DetectorId, DetectorResult> = { baseline, markov: entry.markov, iforest, rules, ocean: entry.ocean }
      const detectorResults = entry.phantom ? dampAll(found) : found
      const combined = combineDetectors(detectorResults, weights)
      const { user } = entry.day
      return {
        user,
        date,
        peerGroup: entry.group,
        events: entry.day.events.length,
        detectors: { baseline: detectorResults.baseline.score, markov: detectorResults.markov.score, iforest: detectorResults.iforest.score, rules: detectorResults.rules.score, ocean: detectorResults.ocean.score },
        risk: combined.risk,
        types: combined.types,
        facts: combined.facts,
        summary: summarizeDay({ user, date, risk: combined.risk, types: combined.types, facts: combined.facts }),
        features: Object.fromEntries(featureNames.map((name, feature) => [name, entry.features.vector[feature]!])),
      }
    })
    let committed = false
    // Only on commit, with every day of the date scored, does the date become history.
    const commit = (): void => {
      if (committed) return
      committed = true
      if (date !== '') lastCommitted = date
      for (const entry of scored) {
        const memory = {
          date, features: entry.features, compared: entry.compared, surprise: entry.markov.statistic, firedRules: entry.rules.fired, notableRules: entry.rules.notable,
          ruleCounts: entry.rules.counts, spread: entry.phantom ? null : entry.baseline.spread, present: isPresent(entry.history, entry.features.vector),
        }
        rememberUserDay(entry.history, memory)
        // A scanner's made-up account names are not people: they stay out of what peers and everyone look like.
        if (entry.phantom) continue
        if (entry.group !== '') rememberPopulationDay(populationOf(entry.group), memory)
        rememberPopulationDay(everyone, memory)
        rememberUploads(uploaders, entry.day.user, entry.features.uploads)
        if (entry.row !== null) reference.push(entry.row)
      }
    }
    return { days: results, commit }
  }
  return { scoreDate }
}

/** Scores whole series at once: every user's days, each user's oldest first, in series order. */
export function scoreSeries(series: readonly UserSeries[], options: ScoreOptions): ScoredDay[] {
  const scorer = createSeriesScorer(new Map(series.map((entry) => [entry.user, entry.peerGroup])), options)
  const byUser = new Map<string, ScoredDay[]>(series.map((entry) => [entry.user, []]))
  for (const [, days] of byDate(series)) {
    const scored = scorer.scoreDate(days)
    for (const day of scored.days) byUser.get(day.user)!.push(day)
    scored.commit()
  }
  return [...byUser.values()].flat()
}

/**
 * Per peer group on one date, the personal rules that fired (not as routine) for enough of its
 * users to be the group's day: at least `groupWide.users` of them, and `groupWide.share` of those
 * the rule could fire for. For a counting rule those are the peers with something to count that
 * day (transfers to new payees, copies to removable media), so a month-end run by the group's
 * clerks is the group's day however many colleagues made no payments; for others, all active peers.
 */
function groupWideRules(scored: readonly { group: string; phantom: boolean; rules: { notable: string[]; counts: ReadonlyMap<string, number> } }[], personal: ReadonlySet<string>): Map<string, Map<string, GroupWideRule>> {
  const groups = new Map<string, { active: number; fired: Map<string, number>; counting: Map<string, number> }>()
  for (const entry of scored) {
    if (entry.phantom || entry.group === '') continue
    let group = groups.get(entry.group)
    if (group === undefined) groups.set(entry.group, (group = { active: 0, fired: new Map(), counting: new Map() }))
    group.active++
    for (const id of entry.rules.notable) if (personal.has(id)) group.fired.set(id, (group.fired.get(id) ?? 0) + 1)
    for (const [id, count] of entry.rules.counts) if (count > 0 && personal.has(id)) group.counting.set(id, (group.counting.get(id) ?? 0) + 1)
  }
  const result = new Map<string, Map<string, GroupWideRule>>()
  for (const [name, group] of groups) {
    const wide = new Map<string, GroupWideRule>()
    for (const [id, fired] of group.fired) {
      const counting = group.counting.get(id)
      const of = counting ?? group.active
      if (fired >= groupWide.users && fired >= groupWide.share * of) wide.set(id, { fired, of, counting: counting !== undefined })
    }
    if (wide.size > 0) result.set(name, wide)
  }
  return result
}

/**
 * Per peer group on one date, the features that stood out (z above the evidence threshold) for
 * enough of its active users to be the group's day (see `groupWide`). Unlike a counting rule's,
 * the share is of all active peers: where most days hold none of a feature (uploads, USB copies),
 * any of it stands out, so the few who had some that day would be a group of their own.
 */
function groupWideFeatures(scored: readonly { group: string; phantom: boolean; baseline: BaselineResult }[]): Map<string, Map<number, GroupWideFeature>> {
  const groups = new Map<string, { active: number; above: Uint32Array }>()
  for (const entry of scored) {
    if (entry.phantom || entry.group === '') continue
    let group = groups.get(entry.group)
    if (group === undefined) groups.set(entry.group, (group = { active: 0, above: new Uint32Array(featureCount) }))
    group.active++
    entry.baseline.z.forEach((z, index) => {
      if (z > evidenceThreshold) group.above[index]!++
    })
  }
  const result = new Map<string, Map<number, GroupWideFeature>>()
  for (const [name, group] of groups) {
    const wide = new Map<number, GroupWideFeature>()
    group.above.forEach((above, index) => {
      if (above >= groupWide.users && above >= groupWide.share * group.active && isPersonalFeature(index)) wide.set(index, { above, of: group.active })
    })
    if (wide.size > 0) result.set(name, wide)
  }
  return result
}

/** Whether any of the group's day features stood out for this user (else their baseline stands as scored). */
function standsOutIn(baseline: BaselineResult, shared: ReadonlyMap<number, GroupWideFeature>): boolean {
  for (const index of shared.keys()) if (baseline.z[index]! > evidenceThreshold) return true
  return false
}

/**
 * A day of nothing but logon attempts for an account name the host does not know (sshd's
 * "invalid user"): no account exists to be taken over, so the attempts are the source's story,
 * told on the real accounts it also tried. Such days keep their findings at a quarter of the score,
 * so a scanner's favourite names (admin, oracle, test) do not crowd real users out of the ranking.
 */
function isPhantom(day: UserDay): boolean {
  return day.events.every((event) => event.attrs.invalidUser === true)
}

const phantomFactor = 0.25

function dampAll(results: Record<DetectorId, DetectorResult>): Record<DetectorId, DetectorResult> {
  const damp = (result: DetectorResult): DetectorResult => ({ ...result, score: result.score * phantomFactor, facts: result.facts.map((fact) => ({ ...fact, weight: fact.weight * phantomFactor })) })
  return { baseline: damp(results.baseline), markov: damp(results.markov), iforest: damp(results.iforest), rules: damp(results.rules), ocean: damp(results.ocean) }
}

/** Each date's user-days, dates in order; a series' days must be oldest first. */
function byDate(series: readonly UserSeries[]): [string, UserDay[]][] {
  const dates = new Map<string, UserDay[]>()
  for (const entry of series) {
    let previous = ''
    for (const day of entry.days) {
      if (day.date <= previous) throw new RangeError(`days of ${entry.user} are not in date order at ${day.date}`)
      previous = day.date
      let list = dates.get(day.date)
      if (list === undefined) dates.set(day.date, (list = []))
      list.push(day)
    }
  }
  return [...dates.entries()].sort((first, second) => (first[0] < second[0] ? -1 : 1))
}

/** Per feature, the median across established users of their own day-to-day spread (null with fewer than 3). */
function typicalSpreadOf(histories: Iterable<UserHistory>, minHistory: number): Float64Array | null {
  const spreads = [...histories].filter((history) => presentDays(history) >= minHistory && history.spread !== null).map((history) => history.spread!)
  if (spreads.length < 3) return null
  const typical = new Float64Array(featureCount)
  const values = new Float64Array(spreads.length)
  for (let feature = 0; feature < featureCount; feature++) {
    spreads.forEach((spread, index) => (values[index] = spread[feature]!))
    values.sort()
    typical[feature] = values[values.length >> 1]!
  }
  return typical
}

/** The day's largest deviation per anomaly type from the user's usual (or the peers'), in spreads, clipped to ±8. */
function isolationRow(compared: Float64Array, center: FeatureStats, typicalSpread: Float64Array | null): Float64Array {
  const row = new Float64Array(isolationTypes.length).fill(-8)
  for (const { name, index } of comparedFeatures) {
    const featureSpec = featureSpecs[name]
    const spread = Math.max(featureSpec.floor, typicalSpread?.[index] ?? 0, center.scale[index]!)
    const deviation = Math.max(-8, Math.min(8, (featureSpec.direction === -1 ? -1 : 1) * (compared[index]! - center.median[index]!) / spread))
    const column = isolationTypes.indexOf(featureSpec.type)
    if (deviation > row[column]!) row[column] = deviation
  }
  return row
}

/**
 * Fits the forest on a deterministic, evenly spread sample of earlier rows plus the date's rows,
 * and calibrates each of the date's scores as a robust z against the sample's own scores.
 */
function isolationScores(rows: readonly (Float64Array | null)[], reference: readonly Float64Array[], size: number, iforest: ScoreOptions['iforest']): Float64Array {
  const zs = new Float64Array(rows.length)
  const today = rows.filter((row): row is Float64Array => row !== null)
  if (reference.length < minIsolationReference || today.length === 0) return zs
  const count = Math.min(size, reference.length)
  const sample = Array.from({ length: count }, (_, index) => reference[Math.floor((index * reference.length) / count)]!)
  const scores = iforest([...sample, ...today])
  const baseline = Float64Array.from(scores.subarray(0, count)).sort()
  const median = baseline[count >> 1]!
  const deviations = baseline.map((value) => Math.abs(value - median)).sort()
  const spread = Math.max(0.01, deviations[count >> 1]! * madToSigma)
  let next = count
  rows.forEach((row, index) => {
    if (row !== null) zs[index] = (scores[next++]! - median) / spread
  })
  return zs
}

function isolationResult(z: number, row: Float64Array | null, coldShare: number): DetectorResult {
  const evidence = z * (0.5 + 0.5 * coldShare) - isolationMargin
  const score = gradedScore(evidence)
  if (evidence <= evidenceThreshold || row === null) return { score, facts: [], types: [] }
  const order = isolationTypes.map((_, column) => column).sort((first, second) => row[second]! - row[first]! || first - second)
  const top = order.slice(0, 2).filter((column) => row[column]! >= 2)
  const names = top.map((column) => anomalyTypeLabels[isolationTypes[column]!])
  return {
    score,
    facts: [{
      detector: 'iforest',
      key: 'isolation',
      value: Math.round(z * 100) / 100,
      baseline: null,
      z: Math.round(z * 100) / 100,
      weight: score,
      text: `a combination of behaviour unlike the user's earlier days${names.length > 0 ? ` (mostly ${names.join(' and ')})` : ''}`,
    }],
    types: top.map((column) => isolationTypes[column]!),
  }
}
