import type { ScoredDay } from '../scoring/types'

/** False positives of one kind for one user after which that kind is damped. */
export const dampAfter = 2
const dampFactor = 0.5

/**
 * Analyst verdicts feed back: when every anomaly type of a day has been called a false positive
 * for this user at least `dampAfter` times, the day's risk is halved and the reason is recorded
 * as a fact, so nothing is hidden silently.
 */
export function dampFalsePositives(days: readonly ScoredDay[], falsePositives: Map<string, Map<string, number>>): ScoredDay[] {
  return days.map((day) => {
    const counts = falsePositives.get(day.user)
    if (!counts || day.types.length === 0) return day
    const repeated = day.types.every((type) => (counts.get(type) ?? 0) >= dampAfter)
    if (!repeated) return day
    const times = Math.min(...day.types.map((type) => counts.get(type) ?? 0))
    return {
      ...day,
      risk: day.risk * dampFactor,
      facts: [
        ...day.facts,
        {
          detector: 'rules',
          key: 'analyst_feedback',
          value: times,
          baseline: null,
          z: null,
          weight: 0,
          text: `risk halved: ${day.types.join(', ')} was marked a false positive for ${day.user} ${times} times before`,
        },
      ],
    }
  })
}
