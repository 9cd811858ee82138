import { formatQuantity, type QuantityUnit } from './explain'
import { featureCount, featureIndex, featureNames, type FeatureName } from './features'
import { attacksOnAccounts, evidenceThreshold, gradedScore, groupWide, robustZ, type SortedValues } from './history'
import type { AnomalyType, DetectorResult, Fact } from './types'

// The baseline detector: each feature of the day as a robust z-score (median / MAD) against the
// user's own earlier days, tempered by how the peer group behaves, and against the peer group
// alone while the user is new. Counts, bytes and money are compared as ln(1 + x), so a tenfold
// day is a step and not a cliff; a floor on the spread keeps a user who always had 0 from
// producing an infinite z on their first 1, and a minimum raw change keeps tiny absolute
// changes (2 failed logons instead of 0) from counting as evidence.

/** How the baseline compares one feature. */
export interface FeatureSpec {
  /** `log`: compared as ln(1 + x) (counts, bytes, money); `linear`: shares and hours. */
  scale: 'log' | 'linear'
  /** 1: more than usual is suspicious, −1: less (an earlier start), 0: either way. */
  direction: 1 | -1 | 0
  /** Smallest spread assumed, in compared units. */
  floor: number
  /** Smallest raw change that counts as evidence at full strength. */
  minChange: number
  type: AnomalyType
  /** A plural noun for facts: "failed logons". */
  label: string
  unit: QuantityUnit
  /** False for features kept for charts and OCEAN only (duplicates of a compared one). */
  compared: boolean
  /**
   * Above 0 when a value beyond twice the most the user ever had (by at least this much) is
   * evidence on its own, however small in absolute terms: the first sudo, the first USB copy, three
   * transfers under the threshold from someone who had at most one.
   */
  novelty: number
  /**
   * Features of one signal count as one piece of evidence (the strongest of them); different
   * signals add up. The anomaly type by default; reaching unfamiliar file locations is its own
   * signal (collection) beside the copies that may follow it, though both are reported as exfiltration.
   */
  signal: string
  /** For a share: how many events it stands on, and how many give it full weight (a day of 4 events has no reliable share). */
  support: { events: (vector: Float64Array) => number; full: number } | null
}

function spec(scale: 'log' | 'linear', direction: 1 | -1 | 0, floor: number, minChange: number, type: AnomalyType, label: string, unit: QuantityUnit = 'count', compared = true): FeatureSpec {
  return { scale, direction, floor, minChange, type, label, unit, compared, novelty: 0, signal: type, support: null }
}

function novel(featureSpec: FeatureSpec, novelty = 1): FeatureSpec {
  return { ...featureSpec, novelty }
}

export const featureSpecs: Readonly<Record<FeatureName, FeatureSpec>> = {
  events: spec('log', 1, 0.35, 60, 'volume_spike', 'events'),
  authentication_events: spec('log', 1, 0.35, 30, 'volume_spike', 'authentication events'),
  process_events: spec('log', 1, 0.35, 30, 'volume_spike', 'process events', 'count', false),
  file_events: spec('log', 1, 0.35, 30, 'volume_spike', 'file events'),
  network_events: spec('log', 1, 0.35, 60, 'volume_spike', 'network events'),
  web_events: spec('log', 1, 0.35, 60, 'volume_spike', 'web events'),
  email_events: spec('log', 1, 0.35, 20, 'volume_spike', 'email events', 'count', false),
  device_events: spec('log', 1, 0.5, 2, 'exfiltration', 'device events', 'count', false),
  transaction_events: spec('log', 1, 0.5, 3, 'transaction_velocity', 'transaction events', 'count', false),
  system_events: spec('log', 1, 0.4, 30, 'volume_spike', 'system events'),
  logons: spec('log', 1, 0.4, 6, 'volume_spike', 'logons'),
  failed_logons: spec('log', 1, 0.5, 8, 'brute_force', 'failed logons'),
  privilege_uses: novel(spec('log', 1, 0.5, 4, 'privilege_escalation', 'privileged commands (sudo, su, special privileges)')),
  privilege_failures: novel(spec('log', 1, 0.5, 3, 'privilege_escalation', 'refused privileged commands')),
  // Changing who may do what is persistence, beside using privileges: its own signal, as collection is beside the copies.
  account_changes: { ...novel(spec('log', 1, 0.5, 2, 'privilege_escalation', 'account or group changes')), signal: 'account_management' },
  processes: spec('log', 1, 0.35, 40, 'volume_spike', 'processes started'),
  file_copies: spec('log', 1, 0.4, 15, 'exfiltration', 'file copies'),
  removable_copies: novel(spec('log', 1, 0.5, 8, 'exfiltration', 'files written to removable media'), 5),
  device_connects: novel(spec('log', 1, 0.5, 2, 'exfiltration', 'removable device connections')),
  emails_sent: spec('log', 1, 0.4, 15, 'volume_spike', 'emails sent'),
  email_recipients: spec('log', 1, 0.4, 30, 'volume_spike', 'email recipients'),
  web_requests: spec('log', 1, 0.35, 60, 'volume_spike', 'web requests'),
  web_uploads: novel(spec('log', 1, 0.5, 4, 'data_upload', 'web uploads'), 3),
  // Tens of megabytes a day are attachments and shared documents; full evidence takes a hundred, as for all bytes moved.
  upload_bytes: spec('log', 1, 0.7, 100e6, 'data_upload', 'uploaded', 'bytes'),
  transfers: novel(spec('log', 1, 0.5, 4, 'transaction_velocity', 'transfers')),
  transfer_amount: spec('log', 1, 0.6, 20_000, 'transaction_velocity', 'moved in transfers', 'money'),
  transfer_max: spec('log', 1, 0.6, 10_000, 'transaction_velocity', 'largest transfer', 'money', false),
  near_threshold_transfers: novel(spec('log', 1, 0.5, 2, 'aml_threshold', 'transfers just under a reporting threshold'), 2),
  transfer_burst: novel(spec('log', 1, 0.5, 3, 'transaction_velocity', 'transfers within one hour'), 3),
  distinct_hosts: spec('log', 1, 0.4, 4, 'lateral_movement', 'distinct hosts'),
  new_hosts: novel(spec('log', 1, 0.5, 3, 'lateral_movement', 'hosts never used before'), 3),
  distinct_source_ips: spec('log', 1, 0.4, 4, 'volume_spike', 'distinct source addresses'),
  new_source_ips: spec('log', 1, 0.5, 3, 'account_takeover', 'source addresses never used before'),
  distinct_domains: spec('log', 1, 0.4, 15, 'volume_spike', 'distinct domains'),
  new_domains: spec('log', 1, 0.5, 10, 'volume_spike', 'domains never visited before'),
  distinct_destinations: spec('log', 1, 0.4, 4, 'lateral_movement', 'distinct destination addresses'),
  new_destinations: novel(spec('log', 1, 0.5, 3, 'lateral_movement', 'destination addresses never reached before'), 3),
  distinct_processes: spec('log', 1, 0.4, 5, 'volume_spike', 'distinct programs'),
  new_processes: spec('log', 1, 0.5, 3, 'volume_spike', 'programs never run before'),
  new_counterparties: spec('log', 1, 0.5, 3, 'transaction_velocity', 'new counterparties'),
  distinct_locations: { ...spec('log', 1, 0.4, 3, 'exfiltration', 'distinct file locations'), signal: 'collection' },
  new_locations: { ...novel(spec('log', 1, 0.5, 3, 'exfiltration', 'file locations (shares, home folders) never opened before'), 3), signal: 'collection' },
  // After hours including weekends is shown and feeds OCEAN; the baseline compares clock time only.
  after_hours_share: spec('linear', 1, 0.15, 0.3, 'after_hours', 'of activity after hours', 'share', false),
  after_hours_events: spec('log', 1, 0.5, 15, 'after_hours', 'events after hours', 'count', false),
  // The share, not the count, so a busy day that runs an hour late is not an after-hours anomaly twice.
  off_clock_share: { ...spec('linear', 1, 0.12, 0.25, 'after_hours', 'of activity outside working hours', 'share'), support: { events: (vector) => vector[featureIndex.off_clock_events]!, full: 15 } },
  off_clock_events: spec('log', 1, 0.5, 15, 'after_hours', 'events outside working hours', 'count', false),
  night_events: spec('log', 1, 0.5, 8, 'after_hours', 'events at night (22:00–06:00)'),
  first_hour: spec('linear', -1, 1, 2.5, 'after_hours', 'first activity', 'hour'),
  last_hour: spec('linear', 1, 1, 2.5, 'after_hours', 'last activity', 'hour'),
  active_hours: spec('linear', 1, 1.5, 4, 'volume_spike', 'active hours'),
  sessions: spec('log', 1, 0.5, 4, 'volume_spike', 'sessions'),
  bytes: spec('log', 1, 0.7, 100e6, 'volume_spike', 'transferred', 'bytes'),
  failure_share: { ...spec('linear', 1, 0.1, 0.25, 'brute_force', 'of events failed', 'share'), support: { events: (vector) => vector[featureIndex.failure_share]! * vector[featureIndex.events]!, full: 10 } },
}
const specs = featureNames.map((name) => featureSpecs[name])

/** The values the baseline compares: ln(1 + x) for log features, x for the others. */
export function comparedValues(vector: Float64Array): Float64Array {
  const compared = new Float64Array(featureCount)
  for (let index = 0; index < featureCount; index++) {
    const value = vector[index]!
    compared[index] = specs[index]!.scale === 'log' ? Math.log1p(Math.max(0, value)) : value
  }
  return compared
}

/** Centre, spread and tails of a set of earlier days, per feature (compared units). */
export interface FeatureStats {
  median: Float64Array
  scale: Float64Array
  high: Float64Array
  low: Float64Array
  max: Float64Array
  days: number
}

export function featureStats(windows: readonly SortedValues[], days: number): FeatureStats {
  const stats: FeatureStats = {
    median: new Float64Array(featureCount),
    scale: new Float64Array(featureCount),
    high: new Float64Array(featureCount),
    low: new Float64Array(featureCount),
    max: new Float64Array(featureCount),
    days,
  }
  for (let index = 0; index < featureCount; index++) {
    const window = windows[index]!
    stats.median[index] = window.median()
    stats.scale[index] = window.scale()
    stats.high[index] = window.quantile(0.9)
    stats.low[index] = window.quantile(0.1)
    stats.max[index] = window.quantile(1)
  }
  return stats
}

/** What a day is compared with. */
export interface BaselineContext {
  /** The user's earlier days (null before the first). */
  user: FeatureStats | null
  peer: FeatureStats | null
  /** The typical within-user spread per feature across users: a prior for a short history. */
  typicalSpread: Float64Array | null
  minHistory: number
  /** Features (by index) that stood out that day for enough of the user's peer group to be the group's day (see `groupWide`). */
  groupWide?: ReadonlyMap<number, GroupWideFeature>
}

/** A feature above the usual that day for `above` of the `of` active peers. */
export interface GroupWideFeature {
  above: number
  of: number
}

/** Whether a feature's evidence may be damped as group-wide: not when it tells of an attack on accounts from outside. */
export function isPersonalFeature(index: number): boolean {
  return !attacksOnAccounts.includes(specs[index]!.type)
}

export interface BaselineResult extends DetectorResult {
  /** The combined signed z per feature (0 for features not compared). */
  z: Float64Array
  /** The user's own spread per feature as used (prior-blended), for the population prior. */
  spread: Float64Array | null
}

/** Pseudo-days of the prior spread blended into a short history's own spread. */
const priorDays = 5
/** From this many earlier days on, a value no higher than the user's 90th percentile is familiar. */
const familiarAfter = 10
/**
 * The z a never-seen level of a `novelty` feature counts as: 4 at the smallest novel level (alone,
 * a score of about 0.4), 1.5 more for each doubling beyond it (9 never-used hosts weigh more
 * than 3), at most 9. The log scale alone would say 0 → 9 is only 4.6 spreads.
 */
function noveltyZ(value: number, most: number, novelty: number): number {
  return Math.min(9, 4 + 1.5 * Math.log2(value / Math.max(novelty, 2 * most)))
}
/** Generic volume is the commonest benign surprise (a busy day), so its evidence counts for less than security-relevant behaviour. */
const volumeWeight = 0.6
/** Weights of the strongest, second and third signal's evidence. */
const typeWeights = [1, 0.5, 0.25]

export function scoreBaseline(vector: Float64Array, compared: Float64Array, context: BaselineContext): BaselineResult {
  const { user, peer } = context
  const userDays = user?.days ?? 0
  const ownShare = Math.min(1, userDays / context.minHistory)
  const z = new Float64Array(featureCount)
  const spread = user === null ? null : new Float64Array(featureCount)
  const bestBySignal = new Map<string, { z: number; index: number; type: AnomalyType }>()
  const candidates: { index: number; z: number; baseline: number; fromPeers: boolean; shared: GroupWideFeature | undefined }[] = []
  // The strongest evidence below the threshold, plus half the second strongest: it only orders quiet days (see `gradedScore`).
  let quiet = 0
  let quietSecond = 0
  for (let index = 0; index < featureCount; index++) {
    const featureSpec = specs[index]!
    if (!featureSpec.compared) continue
    const value = compared[index]!
    const direction = featureSpec.direction
    let userZ = 0
    let isNovel = false
    if (user !== null) {
      const prior = context.typicalSpread?.[index] ?? featureSpec.floor
      const blended = (userDays * user.scale[index]! + priorDays * Math.max(prior, featureSpec.floor)) / (userDays + priorDays)
      spread![index] = user.scale[index]!
      userZ = signed(robustZ(value, user.median[index]!, blended, featureSpec.floor), direction)
      const familiar = direction >= 0 ? value <= user.high[index]! : value >= user.low[index]!
      if (userDays >= familiarAfter && familiar) userZ = Math.min(userZ, 2)
      const most = Math.expm1(user.max[index]!)
      isNovel = featureSpec.novelty > 0 && userDays >= context.minHistory && vector[index]! > 2 * most + 1e-9 && vector[index]! - most >= featureSpec.novelty
      if (isNovel) userZ = Math.max(userZ, noveltyZ(vector[index]!, most, featureSpec.novelty))
    }
    const peerZ = peer === null ? null : signed(robustZ(value, peer.median[index]!, peer.scale[index]!, featureSpec.floor), direction)
    // Own history is the measure; peers who do this routinely temper it a little, and stand in (at half strength) while the user is new.
    const full = peerZ === null ? userZ : 0.8 * userZ + 0.2 * Math.min(userZ, Math.max(0, peerZ))
    const cold = peerZ === null ? 0 : 0.5 * peerZ
    let combined = ownShare * full + (1 - ownShare) * cold
    const reference = ownShare >= 0.5 || peer === null ? user : peer
    if (reference === null) continue
    const baselineValue = raw(reference.median[index]!, featureSpec)
    const change = direction === 0 ? Math.abs(vector[index]! - baselineValue) : direction * (vector[index]! - baselineValue)
    if (combined > 0 && !isNovel) combined *= Math.min(1, Math.max(0, change) / featureSpec.minChange)
    if (combined > 0 && featureSpec.support !== null) combined *= Math.min(1, featureSpec.support.events(vector) / featureSpec.support.full)
    const shared = combined > evidenceThreshold ? context.groupWide?.get(index) : undefined
    if (shared !== undefined) combined = evidenceThreshold + groupWide.factor * (combined - evidenceThreshold)
    z[index] = combined
    if (combined <= evidenceThreshold) {
      const weighted = featureSpec.type === 'volume_spike' ? volumeWeight * combined : combined
      if (weighted > quiet) [quiet, quietSecond] = [weighted, quiet]
      else if (weighted > quietSecond) quietSecond = weighted
      continue
    }
    candidates.push({ index, z: combined, baseline: baselineValue, fromPeers: reference !== user, shared })
    const best = bestBySignal.get(featureSpec.signal)
    if (best === undefined || combined > best.z) bestBySignal.set(featureSpec.signal, { z: combined, index, type: featureSpec.type })
  }
  const ranked = [...bestBySignal.values()].map((best): [AnomalyType, { z: number; index: number }] => [best.type, best]).sort((first, second) => second[1].z - first[1].z || first[1].index - second[1].index)
  let excess = 0
  ranked.slice(0, typeWeights.length).forEach(([type, best], rank) => {
    excess += typeWeights[rank]! * (type === 'volume_spike' ? volumeWeight : 1) * (best.z - evidenceThreshold)
  })
  const score = excess > 0 ? gradedScore(evidenceThreshold + excess) : gradedScore(Math.min(evidenceThreshold, quiet + 0.5 * quietSecond))
  const facts = candidates
    .sort((first, second) => second.z - first.z || first.index - second.index)
    .slice(0, 5)
    .map((candidate): Fact => factOf(candidate, vector[candidate.index]!, score, excess))
  const types = [...new Set(ranked.filter(([, best]) => best.z >= evidenceThreshold + 0.5).map(([type]) => type))]
  return { score, facts, types, z, spread }
}

function signed(z: number, direction: 1 | -1 | 0): number {
  return direction === 0 ? Math.abs(z) : direction * z
}

function raw(compared: number, featureSpec: FeatureSpec): number {
  return featureSpec.scale === 'log' ? Math.expm1(compared) : compared
}

function factOf(candidate: { index: number; z: number; baseline: number; fromPeers: boolean; shared: GroupWideFeature | undefined }, value: number, score: number, excess: number): Fact {
  const { index, z, baseline } = candidate
  const featureSpec = specs[index]!
  const name = featureNames[index]!
  const shown = formatQuantity(value, featureSpec.unit)
  const usual = `${candidate.fromPeers ? 'peers usually' : 'usually'} ${formatQuantity(baseline, featureSpec.unit)}`
  const measured = featureSpec.unit === 'hour' ? `${featureSpec.label} at ${shown} (${usual})` : `${shown} ${featureSpec.label} (${usual})`
  const { shared } = candidate
  const text = shared === undefined ? measured : `${measured}; above the usual for ${shared.above} of ${shared.of} active peers that day, so counted at ${groupWide.factor * 100} %`
  return {
    detector: 'baseline',
    key: name,
    value: Math.round(value * 1000) / 1000,
    baseline: Math.round(baseline * 1000) / 1000,
    z: Math.round(z * 100) / 100,
    weight: excess > 0 ? (score * Math.min(1, (z - evidenceThreshold) / excess)) : 0,
    text,
  }
}
