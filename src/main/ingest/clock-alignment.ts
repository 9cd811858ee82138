import type { NormalizedEvent } from '../../shared/event'
import { zoneForOffset, type InferredZone } from './zone-evidence'

// The syslog clock, read from the people in it. RFC 3164 lines carry no offset: they are the
// wall clock of the machine that wrote them, most often the office's. Elastic writes UTC (`Z`),
// which says nothing about the office either. But the same people appear in both: an operator's
// sudo on a server falls within minutes of their web requests and file events on the workstation.
// So the year-less lines are sampled as if they were UTC, and each whole-hour offset is scored by
// how close every sampled line then falls to the same user's nearest dated event; the offset that
// brings them closest, by a clear margin over the one they would otherwise be read at, is the
// syslog writers' clock. Measured over the stored events of a bank's logs at UTC+2 (auth.log
// local, ECS in UTC): the mean log gap (minutes) is 2.04 at no offset and 1.57 at +2 hours; on
// logs whose clocks agree, the next-best whole hour was 0.55 worse (Argus's own generator, RFC 3164 in UTC).

/** Dated events kept per user, and in all, as the reference (enough to align; bounded memory). */
const referencePerUser = 20_000
const referenceTotal = 3_000_000
/** Year-less events sampled in all, shared among the held files, at least this many from each. */
const sampleTotal = 40_000
const samplePerFile = 2_000

/** How many events of people to sample from each of `files` year-less files. */
export function sampleQuota(files: number): number {
  return Math.max(samplePerFile, Math.ceil(sampleTotal / Math.max(1, files)))
}

/**
 * Whole hours from UTC−12 to UTC+14: the alignment is good to about half an hour, so it cannot
 * tell India's +05:30 from Nepal's +05:45, and reads such an office at the nearest whole hour.
 */
const wholeHours = Array.from({ length: 27 }, (_, index) => (index - 12) * 60)
/** A gap beyond this says only "not near": four hours. */
const gapCap = 4 * 60 * 60_000
/** Needed before an offset is believed: sampled lines of users seen in both, those users, and the mean gain in log-minutes over no offset. */
const minimumMatched = 500
const minimumUsers = 10
const minimumGain = 0.15

export class ClockAlignment {
  private readonly reference = new Map<string, number[]>()
  private referenceCount = 0
  private readonly sample: { user: string; ts: number }[] = []

  /** A dated event (its time is an instant): part of what the year-less lines are aligned to. */
  addReference(event: NormalizedEvent): void {
    if (event.user === null || event.category === 'system' || this.referenceCount >= referenceTotal) return
    let times = this.reference.get(event.user)
    if (times === undefined) this.reference.set(event.user, (times = []))
    if (times.length >= referencePerUser) return
    times.push(event.ts)
    this.referenceCount += 1
  }

  /** Whether more year-less events are wanted. */
  get sampling(): boolean {
    return this.sample.length < sampleTotal
  }

  /** A year-less event read as if its clock were UTC; false when it is no sample (no user, a system message, enough already). */
  addSample(event: NormalizedEvent): boolean {
    if (event.user === null || event.category === 'system' || !this.sampling) return false
    this.sample.push({ user: event.user, ts: event.ts })
    return true
  }

  /**
   * The offset of the year-less lines' clock, as a zone, when it aligns them clearly better than
   * `assumedMinutesEast` (the offset they would otherwise be read at); null when the evidence is thin
   * or agrees with that offset.
   */
  inferred(assumedMinutesEast = 0): InferredZone | null {
    const reference = new Map<string, Float64Array>()
    for (const [user, times] of this.reference) reference.set(user, Float64Array.from(times).sort())
    const matched = this.sample.filter((event) => reference.has(event.user))
    if (matched.length < minimumMatched || new Set(matched.map((event) => event.user)).size < minimumUsers) return null
    const meanGap = (minutesEast: number): number => {
      let total = 0
      for (const event of matched) total += Math.log1p(nearestGap(reference.get(event.user)!, event.ts - minutesEast * 60_000) / 60_000)
      return total / matched.length
    }
    const assumed = meanGap(assumedMinutesEast)
    let best = { minutesEast: assumedMinutesEast, gap: assumed }
    for (const minutesEast of wholeHours) {
      const gap = meanGap(minutesEast)
      if (gap < best.gap) best = { minutesEast, gap }
    }
    if (best.minutesEast === assumedMinutesEast || assumed - best.gap < minimumGain) return null
    const timeZone = zoneForOffset(best.minutesEast)
    return timeZone === null ? null : { timeZone, minutesEast: best.minutesEast, stamps: matched.length, basis: 'alignment' }
  }
}

/** The distance from `ts` to the nearest of the sorted `times`, at most `gapCap`. */
function nearestGap(times: Float64Array, ts: number): number {
  let low = 0
  let high = times.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (times[middle]! < ts) low = middle + 1
    else high = middle
  }
  let gap = gapCap
  if (low < times.length) gap = Math.min(gap, times[low]! - ts)
  if (low > 0) gap = Math.min(gap, ts - times[low - 1]!)
  return gap
}
