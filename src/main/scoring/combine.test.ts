import { describe, expect, it } from 'vitest'
import { combineDetectors, maxFacts, normalizeWeights, userRisk } from './combine'
import { ruleScale } from './rules'
import { defaultWeights, type DetectorId, type DetectorResult, type Fact } from './types'

function fact(detector: DetectorId, key: string, weight: number): Fact {
  return { detector, key, value: 1, baseline: null, z: null, weight, text: key }
}

const quiet: DetectorResult = { score: 0, facts: [], types: [] }

describe('normalizeWeights', () => {
  it('scales weights to sum to 1 and keeps their proportions', () => {
    const weights = normalizeWeights({ baseline: 2, markov: 1, iforest: 1, rules: 4, ocean: 0 })
    expect(weights).toEqual({ baseline: 0.25, markov: 0.125, iforest: 0.125, rules: 0.5, ocean: 0 })
  })

  it('falls back to the defaults when all are 0 and rejects negative or non-finite weights', () => {
    expect(normalizeWeights({ baseline: 0, markov: 0, iforest: 0, rules: 0, ocean: 0 })).toEqual(defaultWeights)
    expect(() => normalizeWeights({ ...defaultWeights, rules: -1 })).toThrow(RangeError)
    expect(() => normalizeWeights({ ...defaultWeights, rules: Number.NaN })).toThrow(RangeError)
  })
})

describe('combineDetectors', () => {
  const weights = normalizeWeights(defaultWeights)

  it('is the weighted sum of detector scores, with severity from the shared thresholds', () => {
    const all = (score: number): Record<DetectorId, DetectorResult> => ({
      baseline: { score, facts: [], types: [] }, markov: { score, facts: [], types: [] }, iforest: { score, facts: [], types: [] },
      rules: { score, facts: [], types: [] }, ocean: { score, facts: [], types: [] },
    })
    expect(combineDetectors(all(0), weights)).toMatchObject({ risk: 0, severity: 'low', types: [], facts: [] })
    expect(combineDetectors(all(0.75), weights)).toMatchObject({ severity: 'high' })
    expect(combineDetectors(all(0.75), weights).risk).toBeCloseTo(0.75)
    expect(combineDetectors(all(0.5), weights).severity).toBe('medium')
    expect(combineDetectors(all(0.4999), weights).severity).toBe('low')
    const rulesOnly = combineDetectors({ baseline: quiet, markov: quiet, iforest: quiet, rules: { score: 1, facts: [], types: ['brute_force'] }, ocean: quiet }, weights)
    expect(rulesOnly.risk).toBeCloseTo(defaultWeights.rules)
  })

  it('adds 0.4 of the rules’ findings past their cap of 1, up to as much again, and nothing for a day within it', () => {
    const rules = (...weightsOfFacts: number[]): DetectorResult => {
      const facts = weightsOfFacts.map((weight, index) => fact('rules', `rule-${index}`, weight))
      return { score: Math.min(1, ruleScale * weightsOfFacts.reduce((total, weight) => total + weight, 0)), facts, types: ['privilege_escalation'] }
    }
    const risk = (result: DetectorResult) => combineDetectors({ baseline: quiet, markov: quiet, iforest: quiet, rules: result, ocean: quiet }, weights).risk
    // One finding of 0.8: 0.64, under the cap.
    expect(risk(rules(0.8))).toBeCloseTo(defaultWeights.rules * ruleScale * 0.8)
    // An administrator added (0.8), Defender disabled (0.7), a first account created (0.5): 1.6 of findings, 0.6 past the cap.
    expect(risk(rules(0.8, 0.7, 0.5))).toBeCloseTo(defaultWeights.rules * (1 + 0.4 * 0.6))
    // Never more than as much again.
    expect(risk(rules(1, 1, 1, 1))).toBeCloseTo(defaultWeights.rules * 1.4)
  })

  it('orders types by the weighted score behind them and facts by weight × detector weight', () => {
    // Weights of its own, so the expected order does not move when the defaults are retuned.
    const weights = normalizeWeights({ baseline: 0.3, markov: 0.15, iforest: 0.2, rules: 0.25, ocean: 0.1 })
    const combined = combineDetectors(
      {
        baseline: { score: 0.9, facts: [fact('baseline', 'failed_logons', 0.6), fact('baseline', 'new_hosts', 0.3)], types: ['brute_force', 'lateral_movement'] },
        markov: { score: 0.5, facts: [fact('markov', 'logon → privilege use', 0.5)], types: ['rare_sequence'] },
        iforest: quiet,
        rules: { score: 1, facts: [fact('rules', 'admin-group-add', 0.8)], types: ['privilege_escalation'] },
        ocean: quiet,
      },
      weights,
    )
    expect(combined.types).toEqual(['brute_force', 'privilege_escalation', 'lateral_movement', 'rare_sequence'])
    expect(combined.facts.map((entry) => entry.key)).toEqual(['admin-group-add', 'failed_logons', 'new_hosts', 'logon → privilege use'])
  })

  it('keeps at most the strongest facts', () => {
    const many = Array.from({ length: 12 }, (_, index) => fact('baseline', `feature-${String(index).padStart(2, '0')}`, index / 12))
    const combined = combineDetectors({ baseline: { score: 1, facts: many, types: [] }, markov: quiet, iforest: quiet, rules: quiet, ocean: quiet }, weights)
    expect(combined.facts.length).toBe(maxFacts)
    expect(combined.facts[0]!.key).toBe('feature-11')
  })
})

describe('userRisk', () => {
  it('ranks by the strongest day, recent days weighing more, and keeps old days at 3/4 or more', () => {
    expect(userRisk([])).toBe(0)
    expect(userRisk([{ date: '2024-03-01', risk: 0.8 }])).toBeCloseTo(0.8)
    // Many odd days are an irregular life, not more risk than the strongest of them.
    const irregular = userRisk([{ date: '2024-03-01', risk: 0.6 }, { date: '2024-03-02', risk: 0.6 }, { date: '2024-03-03', risk: 0.6 }])
    expect(irregular).toBeCloseTo(0.6)
    expect(userRisk([{ date: '2024-03-01', risk: 0.7 }, { date: '2024-03-15', risk: 0.65 }])).toBeCloseTo(0.65)
    const oldAttack = userRisk([{ date: '2024-01-01', risk: 0.8 }, { date: '2024-06-01', risk: 0.1 }])
    expect(oldAttack).toBeGreaterThan(0.6)
    expect(oldAttack).toBeLessThan(0.8)
  })
})
