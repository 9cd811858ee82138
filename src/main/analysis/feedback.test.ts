import { describe, expect, it } from 'vitest'
import type { ScoredDay } from '../scoring/types'
import { dampFalsePositives } from './feedback'

function day(user: string, risk: number, types: ScoredDay['types']): ScoredDay {
  return {
    user, date: '2024-03-01', peerGroup: 'sales', events: 10, risk, types, facts: [], summary: '', features: {},
    detectors: { baseline: risk, markov: 0, iforest: 0, rules: 0, ocean: 0 },
  }
}

describe('dampFalsePositives', () => {
  const verdicts = new Map([['alice', new Map([['after_hours', 2], ['volume_spike', 1]])]])

  it('halves a day whose every type was called a false positive twice for that user, and says so', () => {
    const [damped] = dampFalsePositives([day('alice', 0.8, ['after_hours'])], verdicts)
    expect(damped!.risk).toBeCloseTo(0.4)
    expect(damped!.facts.at(-1)).toMatchObject({ key: 'analyst_feedback', value: 2 })
  })

  it('leaves a day alone when one of its types is new, or the false positives were another user’s', () => {
    const days = [day('alice', 0.8, ['after_hours', 'volume_spike']), day('bob', 0.8, ['after_hours']), day('alice', 0.3, [])]
    expect(dampFalsePositives(days, verdicts)).toEqual(days)
  })
})
