import { describe, expect, it } from 'vitest'
import { certStamp, dateOf, isoStamp, isWeekend, parseDate, rsyslogStamp } from './calendar'
import { Random, mixSeed } from './random'

const ts = Date.UTC(2024, 1, 29, 7, 5, 9, 42)

describe('timestamp texts', () => {
  it('writes each format the way its parser reads it', () => {
    expect(isoStamp(ts)).toBe('2024-02-29T07:05:09.042Z')
    expect(certStamp(ts)).toBe('02/29/2024 07:05:09')
    expect(rsyslogStamp(ts)).toMatch(/^2024-02-29T07:05:09\.042\d{3}\+00:00$/)
  })

  it('drops fractions of a millisecond and crosses days and years', () => {
    expect(isoStamp(ts + 0.7)).toBe('2024-02-29T07:05:09.042Z')
    expect(certStamp(Date.UTC(2024, 11, 31, 23, 59, 59, 999))).toBe('12/31/2024 23:59:59')
    expect(isoStamp(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00.000Z')
  })

  it('reads and checks dates', () => {
    expect(parseDate('2024-03-04')).toBe(Date.UTC(2024, 2, 4))
    expect(parseDate('2023-02-29')).toBeNull()
    expect(parseDate('4 March')).toBeNull()
    expect(dateOf(ts)).toBe('2024-02-29')
    expect(isWeekend(Date.UTC(2024, 2, 9))).toBe(true)
    expect(isWeekend(Date.UTC(2024, 2, 11))).toBe(false)
  })
})

describe('Random', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number): number[] => {
      const random = new Random(seed)
      return Array.from({ length: 5 }, () => random.uint32())
    }
    expect(draw(mixSeed(1, 2))).toEqual(draw(mixSeed(1, 2)))
    expect(draw(mixSeed(1, 2))).not.toEqual(draw(mixSeed(2, 1)))
  })

  it('draws counts and samples with the asked-for shape', () => {
    const random = new Random(9)
    let total = 0
    for (let index = 0; index < 20_000; index++) total += random.poisson(4)
    expect(total / 20_000).toBeCloseTo(4, 1)
    const sample = random.sample(['a', 'b', 'c', 'd'], 3)
    expect(new Set(sample).size).toBe(3)
    for (let index = 0; index < 1000; index++) {
      const value = random.int(2, 4)
      expect(value >= 2 && value <= 4 && Number.isInteger(value)).toBe(true)
    }
  })
})
