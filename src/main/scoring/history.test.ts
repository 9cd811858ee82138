import { describe, expect, it } from 'vitest'
import { evidenceScore, evidenceThreshold, gradedScore, quietCeiling, robustZ, SortedValues } from './history'

function bruteMedian(values: number[]): number {
  const sorted = [...values].sort((first, second) => first - second)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

describe('SortedValues', () => {
  it('gives the median, quantiles and MAD × 1.4826 of what it holds', () => {
    const window = new SortedValues(10)
    for (const value of [5, 1, 9, 3, 7]) window.push(value)
    expect(window.median()).toBe(5)
    expect(window.quantile(0)).toBe(1)
    expect(window.quantile(1)).toBe(9)
    expect(window.quantile(0.25)).toBe(3)
    // |x − 5| = 0, 2, 2, 4, 4 → MAD 2.
    expect(window.scale()).toBeCloseTo(2 * 1.4826)
  })

  it('matches a brute-force median and MAD on a sliding window, evicting the oldest value', () => {
    const window = new SortedValues(7)
    const all: number[] = []
    let state = 17
    for (let step = 0; step < 60; step++) {
      state = (state * 1103515245 + 12345) % 2147483648
      const value = (state % 1000) / 10
      window.push(value)
      all.push(value)
      const recent = all.slice(-7)
      const median = bruteMedian(recent)
      expect(window.size).toBe(recent.length)
      expect(window.median()).toBeCloseTo(median, 10)
      expect(window.scale()).toBeCloseTo(1.4826 * bruteMedian(recent.map((item) => Math.abs(item - median))), 10)
    }
  })

  it('has a zero spread when more than half the values are equal (the floor is the caller’s job)', () => {
    const window = new SortedValues(5)
    for (const value of [0, 0, 0, 0, 3]) window.push(value)
    expect(window.median()).toBe(0)
    expect(window.scale()).toBe(0)
    expect(robustZ(1, window.median(), window.scale(), 0.5)).toBe(2)
  })
})

describe('evidenceScore', () => {
  it('is 0 up to the threshold and rises towards 1 after it', () => {
    expect(evidenceScore(0)).toBe(0)
    expect(evidenceScore(evidenceThreshold)).toBe(0)
    expect(evidenceScore(evidenceThreshold + 3)).toBeCloseTo(1 - Math.exp(-1))
    expect(evidenceScore(40)).toBeGreaterThan(0.99)
    expect(evidenceScore(6)).toBeGreaterThan(evidenceScore(5))
  })
})

describe('gradedScore', () => {
  it('orders quiet days below quietCeiling, then follows evidenceScore once it is higher', () => {
    expect(gradedScore(-1)).toBe(0)
    expect(gradedScore(0)).toBe(0)
    expect(gradedScore(1)).toBeGreaterThan(0)
    expect(gradedScore(2)).toBeGreaterThan(gradedScore(1))
    expect(gradedScore(evidenceThreshold)).toBeCloseTo(quietCeiling)
    expect(gradedScore(evidenceThreshold + 1e-9)).toBeCloseTo(quietCeiling)
    expect(gradedScore(evidenceThreshold + 3)).toBeCloseTo(evidenceScore(evidenceThreshold + 3))
    expect(gradedScore(40)).toBeLessThanOrEqual(1)
  })
})
