import { zoneOffset } from '../../shared/time-zone'
import { wallClockToUtc } from '../parsers/time'

// Days and hours on the workspace's wall clock. SQLite knows no time zones, so queries that
// bucket by local day or hour take their bounds and offsets from here.

const dayMs = 86_400_000
const minuteMs = 60_000

/** The day (YYYY-MM-DD) the wall clock of `timeZone` shows at `instant`. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 10)
}

/** The instant a day (YYYY-MM-DD) begins in `timeZone`. */
export function localMidnight(date: string, timeZone: string): number {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number)
  return wallClockToUtc(year, month, day, 0, 0, 0, 0, timeZone) ?? Date.parse(`${date}T00:00:00Z`)
}

/** A stretch of time over which a zone keeps one offset from UTC: [start, end) in epoch ms. */
export interface OffsetSpan {
  start: number
  end: number
  /** Wall clock minus UTC, in ms. */
  offset: number
}

/**
 * The offsets `timeZone` uses from `from` up to `to` (excluded), as consecutive spans. The zone is
 * probed once a day and each change found is narrowed to its minute, so ten years cost a few
 * thousand probes rather than one per event; two changes within one day would go unseen.
 */
export function offsetSpans(timeZone: string, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = []
  let start = from
  let offset = zoneOffset(from, timeZone)
  let known = from
  while (known < to) {
    const probe = Math.min(known + dayMs, to)
    const next = zoneOffset(probe, timeZone)
    if (next !== offset) {
      const change = firstMinuteWith(next, known, probe, timeZone)
      spans.push({ start, end: change, offset })
      start = change
      offset = next
    }
    known = probe
  }
  spans.push({ start, end: to, offset })
  return spans.filter((span) => span.end > span.start)
}

/** The first whole minute in (low, high] at which the zone's offset is `offset` (it is at `high`). */
function firstMinuteWith(offset: number, low: number, high: number, timeZone: string): number {
  let before = Math.floor(low / minuteMs)
  let after = Math.ceil(high / minuteMs)
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2)
    if (zoneOffset(middle * minuteMs, timeZone) === offset) after = middle
    else before = middle
  }
  return Math.max(low + 1, Math.min(high, after * minuteMs))
}
