import { describe, expect, it } from 'vitest'
import type { WeekHours } from '../../../../shared/stats-schemas'
import { cellName, formatShare, gridFor, strongestCell } from './week-hour-views'

function period(cells: Record<string, number>): WeekHours['period'] {
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  let events = 0
  for (const [cell, count] of Object.entries(cells)) {
    const [weekday, hour] = cell.split(' ').map(Number) as [number, number]
    counts[weekday]![hour] = count
    events += count
  }
  return { from: '2024-06-01', to: '2024-06-07', events, counts }
}

describe('week-hour views', () => {
  // Usually Mondays at 09:00 and 10:00; in the period, half the activity moved to Tuesday 03:00.
  const weekHours: WeekHours = { timeZone: 'UTC', period: period({ '0 9': 2, '1 3': 2 }), baseline: period({ '0 9': 30, '0 10': 10 }) }

  it('turns counts into shares of each period, and their difference into percentage points', () => {
    expect(gridFor(weekHours, 'period')[1]![3]).toBe(50)
    expect(gridFor(weekHours, 'baseline')[0]![9]).toBe(75)
    const difference = gridFor(weekHours, 'difference')
    expect(difference[0]![9]).toBe(-25)
    expect(difference[0]![10]).toBe(-25)
    expect(difference[1]![3]).toBe(50)
    expect(strongestCell(difference)).toEqual({ weekday: 1, hour: 3, value: 50 })
  })

  it('handles an empty period and names cells and values', () => {
    const empty = { ...weekHours, baseline: period({}) }
    expect(gridFor(empty, 'baseline').flat().every((value) => value === 0)).toBe(true)
    expect(strongestCell(gridFor(empty, 'baseline'))).toBeNull()
    expect(cellName(6, 7)).toBe('Sun 07:00')
    expect(formatShare(4.25)).toBe('4.3 %')
    expect(formatShare(3.14, true)).toBe('+3.1 pt')
    expect(formatShare(-2, true)).toBe('−2.0 pt')
    expect(formatShare(0.01, true)).toBe('±0.0 pt')
  })
})
