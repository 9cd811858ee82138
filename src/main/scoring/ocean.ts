import { featureIndex as f } from './features'
import { gradedScore, madToSigma } from './history'
import type { DetectorResult, Fact } from './types'

// OCEAN from behaviour. Personality cannot be read from logs; these are documented behavioural
// proxies for the five traits, used for two things: a radar of a user's baseline period next to
// their recent one, and the drift between the two (a departing or disgruntled employee tends to
// change slowly across several traits, which no single day shows).
//
// Daily proxies, from the day's feature vector:
// - Openness          ← breadth: ln(1+x) of distinct domains + hosts + programs + destination addresses.
// - Conscientiousness ← work inside working hours (1 − after-hours share) minus a quarter of the
//                       hours the first and last activity lie from the baseline period's usual
//                       start and end (a drifting employee's day often ends elsewhere, not begins).
// - Extraversion      ← communication: ln(1+x) of emails sent + of their recipients.
// - Agreeableness     ← friction, inverted: −(share of failed events + share of privileged
//                       commands refused).
// - Neuroticism       ← volatility: how far the day's ln(1+events) lies from the baseline period's
//                       usual, plus ln(1+night events) / 3 (after-hours bursts).
// A period's value of a trait is the median of its days. Drift per trait is the change between
// the baseline period (the first 60 % of the user's days before the day) and the recent period
// (the last 7 days up to the day), in units of the baseline period's day-to-day spread; the
// drift distance is the Euclidean norm of the changes in each trait's risky direction.

export const oceanTraits = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const
export type OceanTrait = (typeof oceanTraits)[number]
export type OceanVector = Record<OceanTrait, number>

/** Days in the recent period, the baseline period's share of earlier days, and the least history to judge drift. */
export const recentDays = 7
export const baselineShare = 0.6
export const minDriftHistory = 14
/**
 * The direction of each trait's change that goes with insider risk (broader reach, less diligence,
 * withdrawal, more friction, more volatility); the drift distance counts only those, so ordinary
 * wandering the other way (a quieter, more regular month) is not drift.
 */
const riskyDirection = [1, -1, -1, -1, 1]
/** Smallest day-to-day spread assumed per trait, so a perfectly regular user does not drift on noise. */
const traitFloors = [0.35, 0.1, 0.35, 0.05, 0.25]
/**
 * Drift distance that counts for nothing, and the softness above it. The median of 7 noisy days
 * wanders about half a spread per trait, so ordinary users reach 2 on about one day in ten and 3
 * on about one in a hundred.
 */
const driftThreshold = 2
const driftSoftness = 2.5

/** A user's two periods: raw trait values (medians of daily proxies), the drift per trait and its norm. */
export interface OceanPeriods {
  baseline: Float64Array
  recent: Float64Array
  drift: Float64Array
  distance: number
  baselineDays: number
}

/**
 * The baseline and recent periods as of `vectors[last]` (vectors oldest first, the day itself
 * last); null while the user has fewer than `minDriftHistory` earlier days.
 */
export function oceanPeriods(vectors: readonly Float64Array[], last = vectors.length - 1): OceanPeriods | null {
  if (last < minDriftHistory) return null
  const baselineEnd = Math.max(recentDays, Math.floor(last * baselineShare))
  const recentStart = Math.max(baselineEnd, last - recentDays + 1)
  const usualStart = median(vectors.slice(0, baselineEnd).map((vector) => vector[f.first_hour]!))
  const usualEnd = median(vectors.slice(0, baselineEnd).map((vector) => vector[f.last_hour]!))
  const usualVolume = median(vectors.slice(0, baselineEnd).map((vector) => Math.log1p(vector[f.events]!)))
  const baselineDaily = vectors.slice(0, baselineEnd).map((vector) => dailyTraits(vector, usualStart, usualEnd, usualVolume))
  const recentDaily = vectors.slice(recentStart, last + 1).map((vector) => dailyTraits(vector, usualStart, usualEnd, usualVolume))
  const baseline = new Float64Array(5)
  const recent = new Float64Array(5)
  const drift = new Float64Array(5)
  let squares = 0
  for (let trait = 0; trait < 5; trait++) {
    const before = baselineDaily.map((traits) => traits[trait]!)
    const after = recentDaily.map((traits) => traits[trait]!)
    baseline[trait] = median(before)
    recent[trait] = median(after)
    const spread = Math.max(traitFloors[trait]!, madToSigma * median(before.map((value) => Math.abs(value - baseline[trait]!))))
    drift[trait] = (recent[trait]! - baseline[trait]!) / spread
    const risky = Math.max(0, riskyDirection[trait]! * drift[trait]!)
    squares += risky * risky
  }
  return { baseline, recent, drift, distance: Math.sqrt(squares), baselineDays: baselineEnd }
}

/** The five daily proxies of one day (see the file comment). */
function dailyTraits(vector: Float64Array, usualStart: number, usualEnd: number, usualVolume: number): number[] {
  const refusals = vector[f.privilege_failures]! / (vector[f.privilege_uses]! + vector[f.privilege_failures]! + 1)
  return [
    Math.log1p(vector[f.distinct_domains]!) + Math.log1p(vector[f.distinct_hosts]!) + Math.log1p(vector[f.distinct_processes]!) + Math.log1p(vector[f.distinct_destinations]!),
    1 - vector[f.after_hours_share]! - (Math.abs(vector[f.first_hour]! - usualStart) + Math.abs(vector[f.last_hour]! - usualEnd)) / 4,
    Math.log1p(vector[f.emails_sent]!) + Math.log1p(vector[f.email_recipients]!),
    -(vector[f.failure_share]! + refusals),
    Math.abs(Math.log1p(vector[f.events]!) - usualVolume) + Math.log1p(vector[f.night_events]!) / 3,
  ]
}

const traitWords: Record<OceanTrait, string> = {
  openness: 'openness (breadth of domains, hosts and programs)',
  conscientiousness: 'conscientiousness (work in hours, regular start and end)',
  extraversion: 'extraversion (email volume and recipients)',
  agreeableness: 'agreeableness (few failures and refusals)',
  neuroticism: 'neuroticism (volatile volume, night bursts)',
}

/** Drift between the baseline and recent periods as of `today`, after the user's `earlier` days, squashed into [0, 1]. */
export function scoreOcean(earlier: readonly Float64Array[], today: Float64Array): DetectorResult {
  if (earlier.length < minDriftHistory) return { score: 0, facts: [], types: [] }
  const periods = oceanPeriods([...earlier, today])
  if (periods === null) return { score: 0, facts: [], types: [] }
  const score = gradedScore(periods.distance, driftThreshold, driftSoftness)
  if (periods.distance <= driftThreshold) return { score, facts: [], types: [] }
  const order = oceanTraits.map((_, trait) => trait).sort((first, second) => Math.abs(periods.drift[second]!) - Math.abs(periods.drift[first]!) || first - second)
  const squares = periods.distance * periods.distance || 1
  const facts: Fact[] = order.slice(0, 2).filter((trait) => Math.abs(periods.drift[trait]!) >= 1).map((trait) => {
    const name = oceanTraits[trait]!
    const change = periods.drift[trait]!
    return {
      detector: 'ocean',
      key: name,
      value: round(periods.recent[trait]!),
      baseline: round(periods.baseline[trait]!),
      z: round(change),
      weight: score * (change * change) / squares,
      text: `${traitWords[name]} ${change > 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(1)} spreads over the last ${recentDays} days against the first ${periods.baselineDays} days`,
    }
  })
  return { score, facts, types: ['behaviour_drift'] }
}

/** Where the population's period values lie, per trait, for scaling a radar to 0–1. */
export interface OceanPopulation {
  median: Float64Array
  scale: Float64Array
}

/** The population's centre and spread per trait, from every user's baseline periods. */
export function oceanPopulation(periods: readonly OceanPeriods[]): OceanPopulation {
  const center = new Float64Array(5)
  const scale = new Float64Array(5)
  for (let trait = 0; trait < 5; trait++) {
    const values = periods.map((period) => period.baseline[trait]!)
    center[trait] = values.length > 0 ? median(values) : 0
    scale[trait] = Math.max(traitFloors[trait]!, madToSigma * median(values.map((value) => Math.abs(value - center[trait]!))))
  }
  return { median: center, scale }
}

/** A user's baseline and recent OCEAN vectors, each trait 0–1 against the population (0.5 = typical), for the radar. */
export function oceanRadar(periods: OceanPeriods, population: OceanPopulation): { baseline: OceanVector; recent: OceanVector; drift: number } {
  const scaled = (values: Float64Array): OceanVector =>
    Object.fromEntries(oceanTraits.map((trait, index) => [trait, round(1 / (1 + Math.exp(-(values[index]! - population.median[index]!) / population.scale[index]!)))])) as OceanVector
  return { baseline: scaled(periods.baseline), recent: scaled(periods.recent), drift: round(periods.distance) }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = Float64Array.from(values).sort()
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
