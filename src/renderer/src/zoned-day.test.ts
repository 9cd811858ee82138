import { describe, expect, it } from 'vitest'
import { zonedDayBounds, zonedSpanBounds } from './zoned-day'

describe('zonedDayBounds', () => {
  it('is the UTC day in UTC', () => {
    expect(zonedDayBounds('2024-03-28', 'UTC')).toEqual({ from: Date.UTC(2024, 2, 28), to: Date.UTC(2024, 2, 29) })
  })

  it('starts at local midnight east and west of UTC', () => {
    expect(zonedDayBounds('2024-01-15', 'Europe/Berlin')).toEqual({ from: Date.UTC(2024, 0, 14, 23), to: Date.UTC(2024, 0, 15, 23) })
    expect(zonedDayBounds('2024-01-15', 'America/New_York')).toEqual({ from: Date.UTC(2024, 0, 15, 5), to: Date.UTC(2024, 0, 16, 5) })
  })

  it('is 23 hours long on the day clocks go forward', () => {
    const { from, to } = zonedDayBounds('2024-03-31', 'Europe/Berlin')
    expect(from).toBe(Date.UTC(2024, 2, 30, 23))
    expect(to - from).toBe(23 * 3_600_000)
  })

  it('spans several days from the first midnight to the one after the last day', () => {
    expect(zonedSpanBounds({ from: '2024-01-15', to: '2024-01-17' }, 'Europe/Berlin')).toEqual({ from: Date.UTC(2024, 0, 14, 23), to: Date.UTC(2024, 0, 17, 23) })
  })
})
