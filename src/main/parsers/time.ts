// Timestamps without an offset are wall-clock time in some zone; this turns them into epoch ms
// without a date library. Never invents a time: invalid input gives null.

import { zoneOffset } from '../../shared/time-zone'

/**
 * Epoch ms of a wall-clock time in `timeZone`, or null when the fields are not a real date.
 * Month is 1-12. In a DST gap or overlap the earlier offset wins, as most log readers do.
 */
export function wallClockToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  timeZone: string,
): number | null {
  if (
    !Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31 ||
    hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 ||
    millisecond < 0 || millisecond > 999
  ) {
    return null
  }
  const naive = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond)
  // Date.UTC rolls 31 February over into March: that is not a real date.
  if (new Date(naive).getUTCDate() !== day) return null
  if (timeZone === 'UTC') return naive
  const first = naive - zoneOffset(naive, timeZone)
  const second_ = naive - zoneOffset(first, timeZone)
  return Math.min(first, second_)
}

/** ISO 8601 / RFC 3339 with an offset or Z, to epoch ms; null if absent or invalid. */
export function parseIsoWithOffset(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null
  const ms = Date.parse(text.replace(' ', 'T'))
  return Number.isFinite(ms) ? ms : null
}

export const monthNumbers: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
}
