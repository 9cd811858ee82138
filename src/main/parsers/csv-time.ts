// Times in CSV exports: CERT's `01/02/2010 07:11:45`, ISO text with or without an offset, epoch
// numbers. Offset-less times are wall clock in the import's zone (ParseContext.timeZone).

import { decodeTimestamp } from './json-fields'
import { parseIsoWithOffset, wallClockToUtc } from './time'

/**
 * Wall-clock → UTC for one zone, cached per local hour: the zone lookup (Intl) costs
 * microseconds, and a CSV of millions of rows covers only thousands of distinct hours.
 */
export class WallClock {
  private readonly hours = new Map<number, number | null>()

  constructor(readonly timeZone: string) {}

  /** Epoch ms, or null when the fields are not a real date and time. Month is 1-12. */
  toUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number | null {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return null
    if (minute < 0 || minute > 59 || second < 0 || second > 60 || millisecond < 0 || millisecond > 999) return null
    if (this.timeZone === 'UTC') return wallClockToUtc(year, month, day, hour, minute, second, millisecond, 'UTC')
    const key = ((year * 13 + month) * 32 + day) * 24 + hour
    let base = this.hours.get(key)
    if (base === undefined) {
      base = wallClockToUtc(year, month, day, hour, 0, 0, 0, this.timeZone)
      if (this.hours.size > 100_000) this.hours.clear()
      this.hours.set(key, base)
    }
    return base === null ? null : base + minute * 60_000 + Math.min(second, 59) * 1000 + millisecond
  }
}

/** Reads the unsigned integer at `start`; `end` is where it stopped. */
interface Cursor {
  end: number
}

function readNumber(text: string, start: number, cursor: Cursor): number {
  let value = 0
  let index = start
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) break
    value = value * 10 + code - 48
  }
  cursor.end = index
  return index === start ? -1 : value
}

/** Fraction digits after a dot, as milliseconds (more digits are truncated, as most tools do). */
function readMilliseconds(text: string, start: number, cursor: Cursor): number {
  let value = 0
  let digits = 0
  let index = start
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) break
    if (digits < 3) value = value * 10 + code - 48
    digits++
  }
  cursor.end = index
  if (digits === 0) return -1
  for (; digits < 3; digits++) value *= 10
  return value
}

/**
 * Epoch ms of a CSV time cell, or null: `MM/DD/YYYY HH:MM[:SS]` (CERT, US exports, optional
 * AM/PM), `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` with or without an offset, or an epoch number.
 * A date without a time of day is null: midnight would be an invented time.
 */
export function decodeTableTime(cell: string, clock: WallClock): number | null {
  const text = cell.trim()
  if (text.length < 8) return text === '' ? null : decodeTimestamp(text)
  const cursor: Cursor = { end: 0 }
  const separator = text.charCodeAt(4)
  if (separator === 45 /* - */ && text.charCodeAt(7) === 45) return decodeIso(text, clock, cursor)
  const month = readNumber(text, 0, cursor)
  if (month < 0 || text.charCodeAt(cursor.end) !== 47 /* / */) return decodeTimestamp(text)
  const day = readNumber(text, cursor.end + 1, cursor)
  if (day < 0 || text.charCodeAt(cursor.end) !== 47) return null
  const yearStart = cursor.end + 1
  const year = readNumber(text, yearStart, cursor)
  if (cursor.end - yearStart !== 4 || text.charCodeAt(cursor.end) !== 32) return null
  return decodeClock(text, cursor.end + 1, year, month, day, clock, cursor, true)
}

/** A JSON record's time: text read as `decodeTableTime` reads a cell, numbers as epochs. */
export function decodeJsonTime(value: unknown, clock: WallClock): number | null {
  return typeof value === 'string' ? decodeTableTime(value, clock) : decodeTimestamp(value)
}

function decodeIso(text: string, clock: WallClock, cursor: Cursor): number | null {
  const year = readNumber(text, 0, cursor)
  const month = readNumber(text, 5, cursor)
  const monthEnd = cursor.end
  const day = readNumber(text, 8, cursor)
  const dayEnd = cursor.end
  if (year < 0 || monthEnd !== 7 || dayEnd !== 10 || text.length === 10) return null
  const last = text.charCodeAt(text.length - 1)
  // Z or a numeric offset after the time: the text says where it is; no zone needed.
  if (last === 90 || last === 122 || hasOffset(text)) return parseIsoWithOffset(text)
  const between = text.charCodeAt(10)
  if (between !== 84 /* T */ && between !== 32) return null
  return decodeClock(text, 11, year, month, day, clock, cursor, false)
}

function hasOffset(text: string): boolean {
  // `+hh:mm`, `+hhmm`, `-hh:mm` after position 10 (the date's own dashes come before it).
  const plus = text.lastIndexOf('+')
  const minus = text.lastIndexOf('-')
  return Math.max(plus, minus) > 10
}

function decodeClock(
  text: string,
  start: number,
  year: number,
  month: number,
  day: number,
  clock: WallClock,
  cursor: Cursor,
  allowMeridiem: boolean,
): number | null {
  let hour = readNumber(text, start, cursor)
  if (hour < 0 || text.charCodeAt(cursor.end) !== 58 /* : */) return null
  const minute = readNumber(text, cursor.end + 1, cursor)
  if (minute < 0) return null
  let second = 0
  let millisecond = 0
  if (text.charCodeAt(cursor.end) === 58) {
    second = readNumber(text, cursor.end + 1, cursor)
    if (second < 0) return null
    if (text.charCodeAt(cursor.end) === 46 /* . */) {
      millisecond = readMilliseconds(text, cursor.end + 1, cursor)
      if (millisecond < 0) return null
    }
  }
  if (cursor.end < text.length) {
    const rest = text.slice(cursor.end).trim().toUpperCase()
    if (!allowMeridiem || (rest !== 'AM' && rest !== 'PM') || hour < 1 || hour > 12) return null
    hour = (hour % 12) + (rest === 'PM' ? 12 : 0)
  }
  return clock.toUtc(year, month, day, hour, minute, second, millisecond)
}

/** Why `decodeTableTime` gave null, for the rejection: a bare date is told apart from garbage. */
export function unreadableTimeReason(cell: string): string {
  const text = cell.trim()
  if (text === '') return 'no time'
  const bareDate = (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) || (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text))
  return bareDate ? `date without a time of day '${text}'` : `unreadable time '${text.slice(0, 40)}'`
}
