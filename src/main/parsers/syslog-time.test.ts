import { describe, expect, it } from 'vitest'
import { wallClockToUtc } from './time'
import { WallClockConverter, YearTracker, readIsoStamp, readRfc3164Stamp } from './syslog-time'

describe('syslog timestamps', () => {
  it('reads RFC 3164 stamps with padded or unpadded days and optional fractions', () => {
    expect(readRfc3164Stamp('Jun  9 15:16:01 x', 0)).toEqual({ month: 6, day: 9, hour: 15, minute: 16, second: 1, millisecond: 0, end: 15 })
    expect(readRfc3164Stamp('<1>dec 10 06:55:46.250 x', 3)).toEqual({ month: 12, day: 10, hour: 6, minute: 55, second: 46, millisecond: 250, end: 22 })
    expect(readRfc3164Stamp('Jun 9 15:16:01', 0)?.day).toBe(9)
    for (const bad of ['Jux 10 06:55:46', 'Jun 32 06:55:46', 'Jun 10 06:60:00', 'Jun 10 6:55:46', 'Jun10 06:55:46']) {
      expect(readRfc3164Stamp(bad, 0)).toBeNull()
    }
  })

  it('reads ISO 8601 with Z, ±hh:mm, ±hhmm or no offset, and refuses impossible dates', () => {
    expect(readIsoStamp('2024-03-01T12:34:56.123456+01:00 h', 0)).toMatchObject({ utc: Date.UTC(2024, 2, 1, 11, 34, 56, 123), end: 32 })
    expect(readIsoStamp('2024-03-01T12:34:56+0530', 0)?.utc).toBe(Date.UTC(2024, 2, 1, 7, 4, 56))
    expect(readIsoStamp('2003-08-24T05:14:15.000003-07:00', 0)?.utc).toBe(Date.UTC(2003, 7, 24, 12, 14, 15))
    expect(readIsoStamp('2024-03-01t12:34:56z', 0)?.utc).toBe(Date.UTC(2024, 2, 1, 12, 34, 56))
    expect(readIsoStamp('2024-03-01T12:34:56 h', 0)).toMatchObject({ year: 2024, month: 3, day: 1, hour: 12, utc: null, end: 19 })
    expect(readIsoStamp('2016-12-31T23:59:60Z', 0)?.utc).toBe(Date.UTC(2016, 11, 31, 23, 59, 59))
    // A space for the T, as scripts print it.
    expect(readIsoStamp('2024-01-10 08:00:00Z', 0)?.utc).toBe(Date.UTC(2024, 0, 10, 8))
    expect(readIsoStamp('2024-01-10 08:00:00 h', 0)).toMatchObject({ hour: 8, utc: null, end: 19 })
    for (const bad of ['2023-02-29T00:00:00Z', '2024-00-10T00:00:00Z', '2024-01-10_00:00:00Z', '2024-01-10  00:00:00', '2024-01-10T00:00:00+25:00', '24-01-10T00:00:00Z']) {
      expect(readIsoStamp(bad, 0)).toBeNull()
    }
  })

  it('the per-minute zone cache gives what wallClockToUtc gives, across a daylight-saving change', () => {
    const converter = new WallClockConverter('Europe/Berlin')
    for (const [hour, minute] of [[1, 59], [1, 59], [3, 0], [3, 1], [3, 1]] as const) {
      const clock = { month: 3, day: 29, hour, minute, second: 30, millisecond: 5 }
      expect(converter.toUtc(2026, clock)).toBe(wallClockToUtc(2026, 3, 29, hour, minute, 30, 5, 'Europe/Berlin'))
    }
    expect(converter.toUtc(2026, { month: 2, day: 29, hour: 0, minute: 0, second: 0, millisecond: 0 })).toBeNull()
  })

  it('YearTracker: no year and no file time means it cannot place a line', () => {
    expect(new YearTracker(null, null, 'UTC').canPlace).toBe(false)
    expect(new YearTracker(2020, null, 'UTC').canPlace).toBe(true)
    expect(new YearTracker(null, 0, 'UTC').canPlace).toBe(true)
  })

  it('YearTracker: the file time is read in the zone (1 January local, still 31 December in UTC)', () => {
    const fileTime = Date.UTC(2025, 11, 31, 20, 0, 0) // 1 January 2026, 06:00 in Sydney
    const tracker = new YearTracker(null, fileTime, 'Australia/Sydney')
    const ts = tracker.place({ month: 1, day: 1, hour: 5, minute: 0, second: 0, millisecond: 0 })
    expect(ts).toBe(Date.UTC(2025, 11, 31, 18, 0, 0))
  })

  it('YearTracker: a reference span of dated events beats the file time, and picks the nearest year', () => {
    const at = (month: number, day: number) => ({ month, day, hour: 9, minute: 0, second: 0, millisecond: 0 })
    const march2024 = { from: Date.UTC(2024, 2, 4), to: Date.UTC(2024, 3, 20) }
    const now = Date.UTC(2026, 10, 21)
    expect(new YearTracker(null, now, 'UTC', march2024).place(at(3, 10))).toBe(Date.UTC(2024, 2, 10, 9))
    // A little before or after the span is still its year; a line from late December is the year before it.
    expect(new YearTracker(null, now, 'UTC', march2024).place(at(2, 25))).toBe(Date.UTC(2024, 1, 25, 9))
    expect(new YearTracker(null, now, 'UTC', march2024).place(at(12, 28))).toBe(Date.UTC(2023, 11, 28, 9))
    expect(new YearTracker(null, null, 'UTC', march2024).canPlace).toBe(true)
    // A span of more than a year holds the date twice: the later one.
    const twoYears = { from: Date.UTC(2023, 0, 10), to: Date.UTC(2024, 5, 1) }
    expect(new YearTracker(null, now, 'UTC', twoYears).place(at(3, 10))).toBe(Date.UTC(2024, 2, 10, 9))
    // A year given by the analyst wins over both.
    expect(new YearTracker(2019, now, 'UTC', march2024).place(at(3, 10))).toBe(Date.UTC(2019, 2, 10, 9))
  })
})
