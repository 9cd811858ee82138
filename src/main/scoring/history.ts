import { createSeenEntities, featureCount, featureIndex, rememberEntities, type DayFeatures, type HostUploads, type SeenEntities } from './features'
import { addSequence, createTransitionCounts, type TransitionCounts } from './markov'
import { siteOf } from './sites'

// What scoring remembers between days, per user and per population (a peer group, everyone).
// Everything here is updated only after a day has been scored, which is what keeps every
// detector point-in-time: a day is compared with earlier days and never with itself or later ones.

/** MAD × this estimates the standard deviation of normally distributed data. */
export const madToSigma = 1.4826

/**
 * A sliding window of the last `capacity` values, kept sorted, so the median, quantiles and the
 * MAD of a user's history cost O(n) per day instead of a sort.
 */
export class SortedValues {
  readonly capacity: number
  size = 0
  private readonly sorted: Float64Array
  private readonly arrival: Float64Array
  private oldest = 0

  constructor(capacity: number) {
    this.capacity = capacity
    this.sorted = new Float64Array(capacity)
    this.arrival = new Float64Array(capacity)
  }

  /** Adds a value, dropping the oldest one when the window is full. */
  push(value: number): void {
    if (this.size === this.capacity) {
      const evicted = this.arrival[this.oldest]!
      this.arrival[this.oldest] = value
      this.oldest = (this.oldest + 1) % this.capacity
      const at = this.lowerBound(evicted)
      this.sorted.copyWithin(at, at + 1, this.size)
      this.size--
    } else {
      this.arrival[(this.oldest + this.size) % this.capacity] = value
    }
    const at = this.lowerBound(value)
    this.sorted.copyWithin(at + 1, at, this.size)
    this.sorted[at] = value
    this.size++
  }

  median(): number {
    return this.quantile(0.5)
  }

  /** The q-quantile with linear interpolation; NaN when empty. */
  quantile(q: number): number {
    if (this.size === 0) return Number.NaN
    const position = q * (this.size - 1)
    const below = Math.floor(position)
    const above = Math.min(this.size - 1, below + 1)
    return this.sorted[below]! + (this.sorted[above]! - this.sorted[below]!) * (position - below)
  }

  /** MAD × 1.4826: walks outwards from the median, taking the nearer side each step. */
  scale(): number {
    const count = this.size
    if (count < 2) return 0
    const center = this.median()
    let right = this.lowerBound(center)
    let left = right - 1
    const wanted = (count >> 1) + 1
    let previous = 0
    let current = 0
    for (let taken = 0; taken < wanted; taken++) {
      const leftDistance = left >= 0 ? center - this.sorted[left]! : Infinity
      const rightDistance = right < count ? this.sorted[right]! - center : Infinity
      previous = current
      if (leftDistance <= rightDistance) {
        current = leftDistance
        left--
      } else {
        current = rightDistance
        right++
      }
    }
    const mad = count % 2 === 1 ? current : (previous + current) / 2
    return mad * madToSigma
  }

  private lowerBound(value: number): number {
    let low = 0
    let high = this.size
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.sorted[middle]! < value) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** (value − center) / spread, with the spread never below `floor`. */
export function robustZ(value: number, center: number, scale: number, floor: number): number {
  return (value - center) / Math.max(scale, floor)
}

/** Evidence below this z counts for nothing: a few such days a month are ordinary. */
export const evidenceThreshold = 2.5
/**
 * A rule that fires, or a feature that stands out, on one date for this many of a peer group's
 * users, and at least this share of those it could for that day (for a counting rule, those with
 * anything to count; for a feature, all active peers), describes the group's day (a month-end
 * payment run, a tool rolled out to a team, a release night) more than one person's: it counts
 * `factor` of its weight for each of them.
 */
export const groupWide = { users: 3, share: 0.25, factor: 0.5 } as const
/** Anomaly types never damped as group-wide: a spray that succeeds on three accounts is three takeovers. */
export const attacksOnAccounts: readonly string[] = ['account_takeover', 'brute_force', 'password_spray']
/** z above the threshold that takes a score to 1 − 1/e. */
export const evidenceSoftness = 3

/** A z-score squashed into [0, 1]: 0 up to the threshold, then 1 − exp(−(z − threshold)/softness). */
export function evidenceScore(z: number): number {
  return z <= evidenceThreshold ? 0 : 1 - Math.exp(-(z - evidenceThreshold) / evidenceSoftness)
}

/**
 * The most a detector's score reaches on evidence below its threshold. Quiet days still differ
 * (a day near a user's usual against one two spreads out), and a ranking needs that order; a
 * tenth keeps every quiet day far below Medium even when all five detectors are at their ceiling.
 */
export const quietCeiling = 0.1

/**
 * `evidenceScore` with quiet days ordered: (z / threshold)² × `quietCeiling` up to the threshold,
 * then `evidenceScore` once it passes `quietCeiling` (so evidence above the threshold scores as
 * before). Continuous and non-decreasing in z, 0 for z ≤ 0.
 */
export function gradedScore(z: number, threshold = evidenceThreshold, softness = evidenceSoftness): number {
  if (!(z > 0)) return 0
  if (z <= threshold) {
    const ratio = z / threshold
    return quietCeiling * ratio * ratio
  }
  return Math.max(quietCeiling, 1 - Math.exp(-(z - threshold) / softness))
}

/** Days of history the per-feature windows keep. */
export const historyWindow = 60

/**
 * A day with fewer events than this share of the user's busy day (the 75th percentile of their
 * daily events) is an absence: a vacation's or a weekend's delivered mail, a phone's sync. Such
 * days are remembered but not compared with: were they the usual, the first working day back
 * would look like a spike in everything.
 */
const presenceShare = 0.2
/** Earlier days needed before a day can be judged an absence. */
const presenceMinDays = 5

/** One user's memory of their earlier days. */
export interface UserHistory {
  /** Earlier active days. */
  days: number
  /** Events of the last `historyWindow` days, for telling presence from absence. */
  activity: SortedValues
  /** Per clock hour, on how many earlier days the user was present and active in it. */
  hourDays: number[]
  /** Every earlier day the user was present on, however long ago (what `hourDays` counts against). */
  presentDaysEver: number
  seen: SeenEntities
  /** Every action the user performed on an earlier day. */
  actions: Set<string>
  /** Raw feature vectors of every earlier day, oldest first (for OCEAN periods). */
  vectors: Float64Array[]
  /** Per feature, the compared (log or linear) values of the last `historyWindow` days the user was present on. */
  compared: SortedValues[]
  transitions: TransitionCounts
  /** The markov statistic of earlier days. */
  surprise: SortedValues
  /** On how many earlier days each rule fired (a rule that fires every day is routine for this user). */
  ruleDays: Map<string, number>
  /** Per counting rule, what it counted on earlier days (so a burst can be compared with the user's usual). */
  ruleCounts: Map<string, SortedValues>
  /** Per counting rule, its count on every earlier day, oldest first (for rules judged against the baseline period). */
  ruleSeries: Map<string, number[]>
  /** Per rule, the dates of the last `historyWindow` earlier days it fired on and was not routine, oldest first (for recurrence rules). */
  ruleDates: Map<string, string[]>
  /** The user's own spread per compared feature as of the last scored day, for the population prior. */
  spread: Float64Array | null
}

export function createUserHistory(): UserHistory {
  return {
    days: 0,
    activity: new SortedValues(historyWindow),
    hourDays: new Array<number>(24).fill(0),
    presentDaysEver: 0,
    seen: createSeenEntities(),
    actions: new Set(),
    vectors: [],
    compared: Array.from({ length: featureCount }, () => new SortedValues(historyWindow)),
    transitions: createTransitionCounts(),
    surprise: new SortedValues(historyWindow),
    ruleDays: new Map(),
    ruleCounts: new Map(),
    ruleSeries: new Map(),
    ruleDates: new Map(),
    spread: null,
  }
}

/** What a scored day leaves behind in the user's history. */
export interface DayMemory {
  date: string
  features: DayFeatures
  compared: Float64Array
  surprise: number
  firedRules: readonly string[]
  /** The fired rules that were not routine for the user that day. */
  notableRules: readonly string[]
  ruleCounts: ReadonlyMap<string, number>
  spread: Float64Array | null
  /** Whether the user was present (`isPresent`, judged before the day is remembered). */
  present: boolean
}

/** Earlier days the user was present on (see `presenceShare`), at most `historyWindow`: the days `compared` holds. */
export function presentDays(history: UserHistory): number {
  return history.compared[0]!.size
}

/** Whether a day with this feature vector is a day the user was present on, against their earlier days. */
export function isPresent(history: UserHistory, vector: Float64Array): boolean {
  if (history.activity.size < presenceMinDays) return true
  return vector[featureIndex.events]! >= presenceShare * history.activity.quantile(0.75)
}

export function rememberUserDay(history: UserHistory, memory: DayMemory): void {
  history.days++
  rememberEntities(history.seen, memory.features.entities)
  for (const action of memory.features.actions) history.actions.add(action)
  history.vectors.push(memory.features.vector)
  history.activity.push(memory.features.vector[featureIndex.events]!)
  if (memory.present) {
    history.presentDaysEver++
    memory.features.hourEvents.forEach((events, hour) => {
      if (events > 0) history.hourDays[hour]!++
    })
    for (let index = 0; index < featureCount; index++) history.compared[index]!.push(memory.compared[index]!)
  }
  addSequence(history.transitions, memory.features.sequence)
  history.surprise.push(memory.surprise)
  for (const rule of memory.firedRules) history.ruleDays.set(rule, (history.ruleDays.get(rule) ?? 0) + 1)
  for (const rule of memory.notableRules) {
    const dates = history.ruleDates.get(rule)
    if (dates === undefined) history.ruleDates.set(rule, [memory.date])
    else if (dates.push(memory.date) > historyWindow) dates.shift()
  }
  for (const [rule, count] of memory.ruleCounts) {
    let window = history.ruleCounts.get(rule)
    if (window === undefined) history.ruleCounts.set(rule, (window = new SortedValues(historyWindow)))
    window.push(count)
    const series = history.ruleSeries.get(rule)
    if (series === undefined) history.ruleSeries.set(rule, [count])
    else series.push(count)
  }
  if (memory.spread !== null) history.spread = memory.spread
}

/** A population's (peer group's or everyone's) pooled memory of recent user-days. */
export interface PopulationHistory {
  /** User-days remembered. */
  days: number
  compared: SortedValues[]
  transitions: TransitionCounts
  surprise: SortedValues
}

/** Pooled user-days a population keeps per feature: enough for stable quantiles, cheap to update. */
export const populationWindow = 512

export function createPopulationHistory(): PopulationHistory {
  return {
    days: 0,
    compared: Array.from({ length: featureCount }, () => new SortedValues(populationWindow)),
    transitions: createTransitionCounts(),
    surprise: new SortedValues(populationWindow * 2),
  }
}

export function rememberPopulationDay(population: PopulationHistory, memory: DayMemory): void {
  population.days++
  if (memory.present) for (let index = 0; index < featureCount; index++) population.compared[index]!.push(memory.compared[index]!)
  addSequence(population.transitions, memory.features.sequence)
  population.surprise.push(memory.surprise)
}

/**
 * Per site (`siteOf`), each user who uploaded to it on earlier dates and the most they sent there
 * in one day (bytes, or uploads where sizes are not logged): how the organisation uses a destination.
 */
export type SiteUploaders = Map<string, Map<string, number>>

/** The day's uploads per site (from `DayFeatures.uploads`): bytes where sizes are logged, else the number of uploads. */
export function uploadVolumes(byHost: ReadonlyMap<string, HostUploads>): Map<string, number> {
  const bySite = new Map<string, HostUploads>()
  for (const [host, entry] of byHost) {
    const site = siteOf(host)
    const total = bySite.get(site) ?? { uploads: 0, bytes: 0 }
    bySite.set(site, { uploads: total.uploads + entry.uploads, bytes: total.bytes + entry.bytes })
  }
  return new Map([...bySite].map(([site, total]) => [site, total.bytes > 0 ? total.bytes : total.uploads]))
}

export function rememberUploads(uploaders: SiteUploaders, user: string, uploads: ReadonlyMap<string, HostUploads>): void {
  for (const [site, volume] of uploadVolumes(uploads)) {
    let users = uploaders.get(site)
    if (users === undefined) uploaders.set(site, (users = new Map()))
    users.set(user, Math.max(volume, users.get(user) ?? 0))
  }
}
