import { describe, expect, it } from 'vitest'
import { comparedValues, featureStats, scoreBaseline, type BaselineContext, type FeatureStats } from './baseline'
import { featureCount, featureIndex, type FeatureName } from './features'
import { createPopulationHistory, quietCeiling, rememberPopulationDay, SortedValues } from './history'

/** An ordinary office day, varied a little by `index`. */
function ordinary(index: number, changes: Partial<Record<FeatureName, number>> = {}): Float64Array {
  const vector = new Float64Array(featureCount)
  const wobble = [0, 3, -2, 5, -4, 1, -1, 4, -3, 2][index % 10]!
  const values: Partial<Record<FeatureName, number>> = {
    events: 100 + wobble * 3, authentication_events: 4, web_events: 80 + wobble * 2, web_requests: 80 + wobble * 2,
    logons: 1, distinct_hosts: 1, distinct_domains: 12 + (index % 3), first_hour: 8 + wobble / 20, last_hour: 17 + wobble / 10,
    active_hours: 9, sessions: 3, emails_sent: 10 + (index % 4), email_recipients: 20, bytes: 2e6,
    ...changes,
  }
  for (const [name, value] of Object.entries(values)) vector[featureIndex[name as FeatureName]] = value
  return vector
}

function statsOf(vectors: Float64Array[]): FeatureStats {
  const windows = Array.from({ length: featureCount }, () => new SortedValues(60))
  for (const vector of vectors) {
    const compared = comparedValues(vector)
    for (let index = 0; index < featureCount; index++) windows[index]!.push(compared[index]!)
  }
  return featureStats(windows, vectors.length)
}

function score(today: Float64Array, context: Partial<BaselineContext> & { user: FeatureStats | null }) {
  return scoreBaseline(today, comparedValues(today), { peer: null, typicalSpread: null, minHistory: 5, ...context })
}

const history = Array.from({ length: 20 }, (_, index) => ordinary(index))

describe('scoreBaseline', () => {
  it('scores nothing for an ordinary day', () => {
    const result = score(ordinary(20), { user: statsOf(history) })
    expect(result.score).toBeLessThan(quietCeiling)
    expect(result.facts).toEqual([])
  })

  it('flags 14 failed logons from a user who never fails, with the value, the usual and z', () => {
    const result = score(ordinary(20, { failed_logons: 14, failure_share: 14 / 114 }), { user: statsOf(history) })
    expect(result.score).toBeGreaterThan(0.4)
    expect(result.types[0]).toBe('brute_force')
    const fact = result.facts.find((candidate) => candidate.key === 'failed_logons')!
    expect(fact).toMatchObject({ detector: 'baseline', value: 14, baseline: 0, text: '14 failed logons (usually 0)' })
    expect(fact.z).toBeGreaterThan(4)
    expect(Number.isFinite(fact.z)).toBe(true)
  })

  it('ignores tiny absolute changes: 2 failed logons instead of 0', () => {
    const result = score(ordinary(20, { failed_logons: 2, failure_share: 2 / 102 }), { user: statsOf(history) })
    expect(result.score).toBeLessThan(quietCeiling)
    expect(result.z[featureIndex.failed_logons]).toBeLessThan(2.5)
  })

  it('treats the first ever sudo as evidence on its own, but only once the user has a history', () => {
    const today = ordinary(20, { privilege_uses: 1 })
    const established = score(today, { user: statsOf(history) })
    expect(established.score).toBeGreaterThan(0.3)
    expect(established.types).toContain('privilege_escalation')
    expect(established.facts[0]!.text).toBe('1 privileged commands (sudo, su, special privileges) (usually 0)')
    const newcomer = score(today, { user: statsOf(history.slice(0, 3)) })
    expect(newcomer.score).toBeLessThan(quietCeiling)
  })

  it('judges an earlier start but not a later one', () => {
    const early = score(ordinary(20, { first_hour: 2 }), { user: statsOf(history) })
    const late = score(ordinary(20, { first_hour: 12 }), { user: statsOf(history) })
    expect(early.score).toBeGreaterThan(0.4)
    expect(early.types).toContain('after_hours')
    expect(late.score).toBeLessThan(quietCeiling)
  })

  it('does not flag a level the user reaches regularly (a weekly batch day)', () => {
    const weekly = Array.from({ length: 20 }, (_, index) => ordinary(index, index % 5 === 0 ? { file_copies: 60 } : {}))
    const onceMore = score(ordinary(20, { file_copies: 60 }), { user: statsOf(weekly) })
    const never = score(ordinary(20, { file_copies: 60 }), { user: statsOf(history) })
    expect(never.score).toBeGreaterThan(0.3)
    expect(onceMore.score).toBeLessThan(quietCeiling)
  })

  it('leans on the peer group, at half strength, while the user is new', () => {
    const peers = createPopulationHistory()
    history.forEach((vector) => rememberPopulationDay(peers, { date: '2024-03-04', features: { vector, entities: emptyEntities(), firstSeen: emptyEntities(), actions: [], sequence: new Uint8Array([0]), hourEvents: new Array<number>(24).fill(0), uploads: new Map() }, compared: comparedValues(vector), surprise: 0, firedRules: [], notableRules: [], ruleCounts: new Map(), spread: null, present: true }))
    const peerStats = featureStats(peers.compared, peers.days)
    const today = ordinary(20, { failed_logons: 30, failure_share: 30 / 130 })
    const cold = score(today, { user: null, peer: peerStats })
    const warm = score(today, { user: statsOf(history), peer: peerStats })
    expect(cold.score).toBeGreaterThan(0)
    expect(cold.score).toBeLessThan(warm.score)
    expect(cold.facts[0]!.text).toBe('30 failed logons (peers usually 0)')
    expect(score(today, { user: null, peer: null }).score).toBe(0)
  })
})

function emptyEntities() {
  return { hosts: [], sourceIps: [], domains: [], destinations: [], processes: [], counterparties: [], locations: [], files: [] }
}
