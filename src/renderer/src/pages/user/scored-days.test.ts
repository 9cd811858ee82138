import { describe, expect, it } from 'vitest'
import type { ScoredDayRow } from '../../../../shared/scoring-schemas'
import { dateRange, initialDay, nextAnomalousDay, previousAnomalousDay } from './scored-days'

function day(date: string, severity: ScoredDayRow['severity']): ScoredDayRow {
  const detectors = { baseline: 0, markov: 0, iforest: 0, rules: 0, ocean: 0 }
  return { date, risk: 0, severity, events: 1, detectors, types: [], facts: [], summary: '' }
}

const days = [day('2024-03-01', 'low'), day('2024-03-02', 'medium'), day('2024-03-04', 'low'), day('2024-03-05', 'high'), day('2024-03-06', 'low')]

describe('scored days', () => {
  it('steps between days at Medium or above, skipping Low ones', () => {
    expect(nextAnomalousDay(days, '2024-03-01')?.date).toBe('2024-03-02')
    expect(nextAnomalousDay(days, '2024-03-02')?.date).toBe('2024-03-05')
    expect(nextAnomalousDay(days, '2024-03-05')).toBeNull()
    expect(previousAnomalousDay(days, '2024-03-06')?.date).toBe('2024-03-05')
    expect(previousAnomalousDay(days, '2024-03-05')?.date).toBe('2024-03-02')
    expect(previousAnomalousDay(days, '2024-03-02')).toBeNull()
  })

  it('opens on the requested day when scored, else the strongest, else the latest', () => {
    expect(initialDay(days, '2024-03-04', '2024-03-05')).toBe('2024-03-04')
    expect(initialDay(days, '2024-03-03', '2024-03-05')).toBe('2024-03-05')
    expect(initialDay(days, undefined, '1999-01-01')).toBe('2024-03-06')
    expect(initialDay([], undefined, '2024-03-05')).toBeUndefined()
  })

  it('fills the dates between two days', () => {
    expect(dateRange('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
    expect(dateRange('2024-03-02', '2024-03-01')).toEqual(['2024-03-02'])
  })
})
