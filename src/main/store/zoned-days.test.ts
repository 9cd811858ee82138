import { describe, expect, it } from 'vitest'
import { addDays, daysBetween } from '../../shared/calendar-days'
import { localDate, localMidnight, offsetSpans } from './zoned-days'

const hourMs = 3_600_000

describe('zoned days', () => {
  it('names the local day of an instant and finds the instant a local day begins', () => {
    const lateEvening = Date.UTC(2024, 0, 15, 23, 30)
    expect(localDate(lateEvening, 'UTC')).toBe('2024-01-15')
    expect(localDate(lateEvening, 'Europe/Berlin')).toBe('2024-01-16')
    expect(localDate(lateEvening, 'America/New_York')).toBe('2024-01-15')
    expect(localMidnight('2024-01-16', 'Europe/Berlin')).toBe(Date.UTC(2024, 0, 15, 23))
    // The day clocks go forward is 23 hours long.
    expect(localMidnight('2024-04-01', 'Europe/Berlin') - localMidnight('2024-03-31', 'Europe/Berlin')).toBe(23 * hourMs)
  })

  it('steps and counts calendar days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01')
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31')
    expect(daysBetween('2024-02-27', '2024-03-01')).toBe(4)
    expect(daysBetween('2024-03-01', '2024-02-27')).toBe(0)
  })

  it('splits a year of Berlin time at its two clock changes, to the minute', () => {
    const from = Date.UTC(2024, 0, 1)
    const to = Date.UTC(2025, 0, 1)
    expect(offsetSpans('Europe/Berlin', from, to)).toEqual([
      { start: from, end: Date.UTC(2024, 2, 31, 1), offset: hourMs },
      { start: Date.UTC(2024, 2, 31, 1), end: Date.UTC(2024, 9, 27, 1), offset: 2 * hourMs },
      { start: Date.UTC(2024, 9, 27, 1), end: to, offset: hourMs },
    ])
    expect(offsetSpans('UTC', from, to)).toEqual([{ start: from, end: to, offset: 0 }])
    expect(offsetSpans('Asia/Kolkata', from, from + hourMs)).toEqual([{ start: from, end: from + hourMs, offset: 5.5 * hourMs }])
    expect(offsetSpans('UTC', from, from)).toEqual([])
  })
})
