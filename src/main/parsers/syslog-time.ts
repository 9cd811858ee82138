// The two timestamp forms that open a syslog line: RFC 3164's `Mmm dd hh:mm:ss` (no year, no
// zone) and ISO 8601 / RFC 3339 (rsyslog's high-precision format, RFC 5424). Read with charCodeAt
// because this runs once per line; a regex plus Date.parse costs several times more.

import { wallClockToUtc } from './time'
import type { TimeSpan } from './types'

const DAY_MS = 86_400_000

/** Wall-clock fields read from a timestamp; month is 1-12. */
export interface WallClock {
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

/** An RFC 3164 timestamp and the index just past it. */
export interface Rfc3164Stamp extends WallClock {
  end: number
}

/** An ISO 8601 timestamp: `utc` when it carries an offset, else wall-clock fields to place in a zone. */
export interface IsoStamp extends WallClock {
  year: number
  /** Epoch ms when the text had `Z` or `±hh:mm`; null for a bare wall-clock time. */
  utc: number | null
  end: number
}

// Three lower-cased letters packed into one number: the month table is a plain Map lookup.
const monthKeys = new Map<number, number>(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [
    (name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2),
    index + 1,
  ]),
)

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : -1
}

function twoDigits(text: string, index: number): number {
  const tens = digit(text, index)
  const units = digit(text, index + 1)
  return tens < 0 || units < 0 ? -1 : tens * 10 + units
}

/** `hh:mm:ss[.fff…]` at `start`; fills `into` and returns the index past it, or -1. */
function readClock(text: string, start: number, into: WallClock): number {
  const hour = twoDigits(text, start)
  const minute = twoDigits(text, start + 3)
  const second = twoDigits(text, start + 6)
  if (hour < 0 || minute < 0 || second < 0 || text.charCodeAt(start + 2) !== 58 || text.charCodeAt(start + 5) !== 58) return -1
  if (hour > 23 || minute > 59 || second > 60) return -1
  into.hour = hour
  into.minute = minute
  into.second = second
  into.millisecond = 0
  let index = start + 8
  if (text.charCodeAt(index) === 46 && digit(text, index + 1) >= 0) {
    index++
    let scale = 100
    let millisecond = 0
    for (let value = digit(text, index); value >= 0; value = digit(text, ++index)) {
      millisecond += value * scale
      scale /= 10
    }
    into.millisecond = Math.floor(millisecond)
  }
  return index
}

/** `Mmm dd hh:mm:ss` (day space-padded or not, optional fraction) at `start`, or null. */
export function readRfc3164Stamp(text: string, start: number): Rfc3164Stamp | null {
  const key = ((text.charCodeAt(start) | 32) << 16) | ((text.charCodeAt(start + 1) | 32) << 8) | (text.charCodeAt(start + 2) | 32)
  const month = monthKeys.get(key)
  if (month === undefined || text.charCodeAt(start + 3) !== 32) return null
  let index = start + 4
  if (text.charCodeAt(index) === 32) index++
  let day = digit(text, index)
  if (day < 0) return null
  index++
  const second = digit(text, index)
  if (second >= 0) {
    day = day * 10 + second
    index++
  }
  if (day < 1 || day > 31 || text.charCodeAt(index) !== 32) return null
  const stamp: Rfc3164Stamp = { month, day, hour: 0, minute: 0, second: 0, millisecond: 0, end: 0 }
  stamp.end = readClock(text, index + 1, stamp)
  return stamp.end < 0 ? null : stamp
}

/**
 * `YYYY-MM-DDThh:mm:ss[.f…][Z|±hh:mm|±hhmm]` at `start`, or null (also for impossible dates). A
 * space for the T is read too: scripts that write their own syslog lines often print it so.
 */
export function readIsoStamp(text: string, start: number): IsoStamp | null {
  const century = twoDigits(text, start)
  const decade = twoDigits(text, start + 2)
  const month = twoDigits(text, start + 5)
  const day = twoDigits(text, start + 8)
  const separator = text.charCodeAt(start + 10)
  if (century < 0 || decade < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45 || (separator !== 84 && separator !== 116 && separator !== 32)) return null
  const stamp: IsoStamp = { year: century * 100 + decade, month, day, hour: 0, minute: 0, second: 0, millisecond: 0, utc: null, end: 0 }
  let index = readClock(text, start + 11, stamp)
  if (index < 0) return null
  const naive = Date.UTC(stamp.year, month - 1, day, stamp.hour, stamp.minute, Math.min(stamp.second, 59), stamp.millisecond)
  // Date.UTC rolls 31 February over into March: that is not a real date.
  if (new Date(naive).getUTCDate() !== day) return null
  const sign = text.charCodeAt(index)
  if (sign === 90 || sign === 122) {
    stamp.utc = naive
    index++
  } else if (sign === 43 || sign === 45) {
    const hours = twoDigits(text, index + 1)
    const colon = text.charCodeAt(index + 3) === 58 ? 1 : 0
    const minutes = twoDigits(text, index + 3 + colon)
    if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return null
    const offset = (hours * 60 + minutes) * 60_000
    stamp.utc = sign === 43 ? naive - offset : naive + offset
    index += 5 + colon
  }
  stamp.end = index
  return stamp
}

/**
 * Epoch ms for wall-clock times in one zone. Lines arrive in order, so the zone offset of the
 * previous line's minute is reused: `Intl` is asked once per minute of log, not once per line.
 */
export class WallClockConverter {
  private lastMinuteKey = -1
  private lastMinuteStart = 0

  constructor(private readonly timeZone: string) {}

  toUtc(year: number, clock: WallClock): number | null {
    const minuteKey = (((year * 13 + clock.month) * 32 + clock.day) * 24 + clock.hour) * 60 + clock.minute
    if (minuteKey !== this.lastMinuteKey) {
      const start = wallClockToUtc(year, clock.month, clock.day, clock.hour, clock.minute, 0, 0, this.timeZone)
      if (start === null) return null
      this.lastMinuteKey = minuteKey
      this.lastMinuteStart = start
    }
    return this.lastMinuteStart + Math.min(clock.second, 59) * 1000 + clock.millisecond
  }
}

/**
 * The year of RFC 3164 lines, which carry none. The first line's year is the given one; else the
 * year that puts it nearest the `reference` span (the dated events imported beside it, so an
 * auth.log lands in the same weeks as the JSON logs of the same machines); else the latest year
 * that does not put the line after the file's modification time (+1 day of slack for clock skew
 * and zones). After that the year runs: it advances when the month goes backwards by more than a
 * day's worth (December → January), while a line a few hours out of order across a month or year
 * boundary keeps its neighbours' year.
 */
export class YearTracker {
  private runningYear: number | null
  private lastTs: number | null = null
  private lastMonth = 0
  private readonly converter: WallClockConverter

  constructor(
    year: number | null,
    private readonly fileTime: number | null,
    timeZone: string,
    private readonly reference: TimeSpan | null = null,
  ) {
    this.runningYear = year
    this.converter = new WallClockConverter(timeZone)
  }

  /** False when neither a year, a reference nor a file time was given: RFC 3164 lines cannot be placed. */
  get canPlace(): boolean {
    return this.runningYear !== null || this.reference !== null || this.fileTime !== null
  }

  /** Epoch ms of the line, or null for an impossible date (e.g. 29 February of a common year). */
  place(clock: WallClock): number | null {
    if (this.runningYear === null) {
      this.runningYear = this.reference !== null ? this.nearestYear(clock, this.reference) : this.fileTime !== null ? this.firstYear(clock, this.fileTime) : null
      if (this.runningYear === null) return null
    }
    let ts = this.converter.toUtc(this.runningYear, clock)
    if (ts === null) return null
    if (this.lastTs !== null) {
      if (clock.month < this.lastMonth && ts < this.lastTs - DAY_MS) {
        this.runningYear++
        ts = this.converter.toUtc(this.runningYear, clock)
        if (ts === null) return null
      } else if (clock.month > this.lastMonth) {
        // 31 December logged just after 1 January: last year's line, out of order.
        const earlier = this.converter.toUtc(this.runningYear - 1, clock)
        if (earlier !== null && earlier > this.lastTs - DAY_MS && earlier <= this.lastTs) return earlier
      }
    }
    this.lastTs = ts
    this.lastMonth = clock.month
    return ts
  }

  /**
   * The year, from the one before the span to the one after, that puts the line closest to it
   * (inside is closest; of two inside, the later: logs added to a workspace are most often its newest).
   */
  private nearestYear(clock: WallClock, span: TimeSpan): number | null {
    let best: { year: number; distance: number } | null = null
    for (let year = new Date(span.from).getUTCFullYear() - 1; year <= new Date(span.to).getUTCFullYear() + 1; year++) {
      const ts = this.converter.toUtc(year, clock)
      if (ts === null) continue
      const distance = ts < span.from ? span.from - ts : ts > span.to ? ts - span.to : 0
      if (best === null || distance <= best.distance) best = { year, distance }
    }
    return best?.year ?? null
  }

  private firstYear(clock: WallClock, fileTime: number): number | null {
    const fileYear = new Date(fileTime).getUTCFullYear()
    for (let year = fileYear + 1; year >= fileYear - 4; year--) {
      const ts = this.converter.toUtc(year, clock)
      if (ts !== null && ts <= fileTime + DAY_MS) return year
    }
    return null
  }
}
