import { describe, expect, it } from 'vitest'
import { averagePrecision, perScenarioRecall, recallAtK, rocAuc } from './metrics'

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.9, 0.8, 0.3, 0.1], [true, true, false, false])).toBe(1)
    expect(rocAuc([0.9, 0.8, 0.3, 0.1], [false, false, true, true])).toBe(0)
  })

  it('counts ties as one half', () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5)
    // Pairs (positive, negative): (0.8, 0.8) tie = ½, (0.8, 0.1) = 1, (0.4, 0.8) = 0, (0.4, 0.1) = 1 → 2.5 / 4.
    expect(rocAuc([0.8, 0.8, 0.4, 0.1], [true, false, true, false])).toBe(0.625)
  })

  it('matches a hand count of ordered pairs', () => {
    // Positives 0.7, 0.2; negatives 0.9, 0.4, 0.1: pairs won = 2 (0.7) + 1 (0.2) = 3 of 6.
    expect(rocAuc([0.7, 0.9, 0.2, 0.4, 0.1], [true, false, true, false, false])).toBe(0.5)
  })

  it('is NaN without both classes, and refuses arrays of different lengths', () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN()
    expect(() => rocAuc([0.1], [true, false])).toThrow(RangeError)
  })
})

describe('averagePrecision', () => {
  it('is 1 when every positive comes first', () => {
    expect(averagePrecision([3, 2, 1], [true, true, false])).toBe(1)
  })

  it('averages the precision at each positive', () => {
    // Ranked: +, −, + → precision 1 at the first hit, 2/3 at the second: (1 + 2/3) / 2.
    expect(averagePrecision([0.9, 0.8, 0.7], [true, false, true])).toBeCloseTo(5 / 6, 12)
    // Ranked: −, +, −, + → (1/2 + 2/4) / 2 = 0.5.
    expect(averagePrecision([4, 3, 2, 1], [false, true, false, true])).toBe(0.5)
  })

  it('takes a tie group as one step, as scikit-learn does', () => {
    // All tied: one threshold, recall 1 at precision 2/4.
    expect(averagePrecision([1, 1, 1, 1], [true, false, true, false])).toBe(0.5)
    // 0.9 (+), then a tie of (+, −): 1·½ + (2/3)·½.
    expect(averagePrecision([0.9, 0.5, 0.5], [true, true, false])).toBeCloseTo(5 / 6, 12)
  })

  it('is NaN without positives', () => {
    expect(averagePrecision([1, 2], [false, false])).toBeNaN()
  })
})

describe('recallAtK', () => {
  it('counts the positives among the k highest', () => {
    expect(recallAtK([0.9, 0.8, 0.7, 0.1], [true, false, true, true], 2)).toBeCloseTo(1 / 3, 12)
    expect(recallAtK([0.9, 0.8, 0.7, 0.1], [true, false, true, true], 4)).toBe(1)
    expect(recallAtK([0.9, 0.8], [true, false], 0)).toBe(0)
  })

  it('shares the places left inside a tie at the cut', () => {
    // One place left among three tied items holding one positive: expected 1/3 of a positive.
    expect(recallAtK([0.9, 0.5, 0.5, 0.5], [true, true, false, false], 2)).toBeCloseTo((1 + 1 / 3) / 2, 12)
  })

  it('clamps k to the list', () => {
    expect(recallAtK([0.2, 0.1], [false, true], 10)).toBe(1)
  })

  it('never finds positives that were not ranked, however short the list', () => {
    expect(recallAtK([0.2, 0.1], [false, true], 3, 2)).toBeCloseTo(1 / 3, 12)
    expect(recallAtK([], [], 16, 16)).toBe(0)
    expect(averagePrecision([0.9, 0.1], [true, false], 1)).toBe(0.5)
    expect(averagePrecision([], [], 16)).toBe(0)
  })
})

describe('perScenarioRecall', () => {
  it('counts flagged attacked days per scenario and users with at least one', () => {
    const attacks = [
      { user: 'a', scenario: 'exfil', days: ['2024-03-01', '2024-03-02'] },
      { user: 'b', scenario: 'exfil', days: ['2024-03-05'] },
      { user: 'c', scenario: 'brute', days: ['2024-03-03', '2024-03-03'] },
    ]
    const flagged = new Set(['a 2024-03-02', 'c 2024-03-03'])
    const result = perScenarioRecall(attacks, (user, date) => flagged.has(`${user} ${date}`))
    expect(result).toEqual([
      { scenario: 'brute', days: 1, flaggedDays: 1, recall: 1, users: 1, detectedUsers: 1 },
      { scenario: 'exfil', days: 3, flaggedDays: 1, recall: 1 / 3, users: 2, detectedUsers: 1 },
    ])
  })
})
