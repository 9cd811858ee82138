import { describe, expect, it } from 'vitest'
import { featureCount, featureIndex, type FeatureName } from './features'
import { quietCeiling } from './history'
import { minDriftHistory, oceanPeriods, oceanPopulation, oceanRadar, oceanTraits, scoreOcean } from './ocean'

function vector(index: number, changes: Partial<Record<FeatureName, number>> = {}): Float64Array {
  const values = new Float64Array(featureCount)
  const wobble = [0, 1, -1, 2, -2][index % 5]!
  const base: Partial<Record<FeatureName, number>> = {
    events: 200 + wobble * 10, distinct_domains: 15 + wobble, distinct_hosts: 1, distinct_processes: 6, emails_sent: 20 + wobble,
    email_recipients: 40, first_hour: 8 + wobble * 0.1, after_hours_share: 0.02, failure_share: 0.01, ...changes,
  }
  for (const [name, value] of Object.entries(base)) values[featureIndex[name as FeatureName]] = value
  return values
}

const steady = Array.from({ length: 40 }, (_, index) => vector(index))
/** The same user whose last 10 days turn late, withdrawn and wide-browsing: a departing employee. */
const departing = steady.map((day, index) =>
  index < 30 ? day : vector(index, { after_hours_share: 0.45, first_hour: 11, emails_sent: 3, email_recipients: 4, distinct_domains: 60, night_events: 30 }),
)

describe('oceanPeriods', () => {
  it('needs enough history before it compares periods', () => {
    expect(oceanPeriods(steady.slice(0, minDriftHistory))).toBeNull()
    expect(oceanPeriods(steady.slice(0, minDriftHistory + 1))).not.toBeNull()
  })

  it('finds no drift in a steady user and a large one, in the risky directions, in a departing one', () => {
    expect(oceanPeriods(steady)!.distance).toBeLessThan(1)
    const periods = oceanPeriods(departing)!
    expect(periods.distance).toBeGreaterThan(5)
    const drift = Object.fromEntries(oceanTraits.map((trait, index) => [trait, periods.drift[index]!]))
    expect(drift.conscientiousness).toBeLessThan(-2)
    expect(drift.extraversion).toBeLessThan(-2)
    expect(drift.openness).toBeGreaterThan(1)
    expect(drift.neuroticism).toBeGreaterThan(1)
    // The baseline period is the first 60 % of the days before the last.
    expect(periods.baselineDays).toBe(23)
  })

  it('does not count a change in the harmless direction as drift', () => {
    const calmer = steady.map((day, index) => (index < 30 ? day : vector(index, { distinct_domains: 3, emails_sent: 60, email_recipients: 120 })))
    expect(oceanPeriods(calmer)!.distance).toBeLessThan(1)
  })
})

describe('scoreOcean', () => {
  it('scores the departing user’s recent day high with behaviour_drift facts, the steady one below the evidence level', () => {
    expect(scoreOcean(steady.slice(0, -1), steady.at(-1)!).score).toBeLessThan(quietCeiling)
    const result = scoreOcean(departing.slice(0, -1), departing.at(-1)!)
    expect(result.score).toBeGreaterThan(0.7)
    expect(result.types).toEqual(['behaviour_drift'])
    expect(result.facts[0]!.text).toMatch(/^(conscientiousness|extraversion|neuroticism|openness) .* (up|down) \d+\.\d spreads over the last 7 days against the first 23 days$/)
  })

  it('is point-in-time: a day before the change scores as the steady user does', () => {
    expect(scoreOcean(departing.slice(0, 29), departing[29]!).score).toBeLessThan(quietCeiling)
  })
})

describe('oceanRadar', () => {
  it('puts a typical user at 0.5 on every trait and a departing one’s recent vector off it', () => {
    const population = oceanPopulation([oceanPeriods(steady)!, oceanPeriods(steady.slice(0, 30))!])
    const typical = oceanRadar(oceanPeriods(steady)!, population)
    for (const trait of oceanTraits) expect(typical.baseline[trait]).toBeCloseTo(0.5, 1)
    const radar = oceanRadar(oceanPeriods(departing)!, population)
    expect(radar.recent.conscientiousness).toBeLessThan(0.2)
    expect(radar.recent.extraversion).toBeLessThan(0.2)
    expect(radar.baseline.extraversion).toBeCloseTo(0.5, 1)
  })
})
