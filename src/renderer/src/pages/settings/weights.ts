import { severityThresholds } from '../../../../shared/severity'
import type { DetectorScores } from '../../hooks/use-scoring-preview'
import type { DetectorWeights } from '../../hooks/use-scoring-settings'

export const detectors = ['baseline', 'markov', 'iforest', 'rules', 'ocean'] as const satisfies readonly (keyof DetectorWeights)[]

/** What each detector looks at, in the analyst's words. */
export const detectorInfo: Record<keyof DetectorWeights, { label: string; description: string }> = {
  baseline: { label: 'Baseline', description: 'How far the day strays from the user’s own history and their peer group.' },
  markov: { label: 'Sequences', description: 'Rare orders of actions (Markov chain over the user’s usual transitions).' },
  iforest: { label: 'Isolation forest', description: 'Days that are easy to isolate from all others in feature space.' },
  rules: { label: 'Rules', description: 'The deterministic rules below: brute force, spraying, mass copies, new domains…' },
  ocean: { label: 'Behaviour drift', description: 'Drift of the OCEAN behavioural profile from the user’s baseline period.' },
}

export { defaultWeights } from '../../../../shared/scoring-schemas'

export function totalWeight(weights: DetectorWeights): number {
  return detectors.reduce((sum, id) => sum + weights[id], 0)
}

/** What share of the risk each detector carries: the engine scales the weights to sum to 1. */
export function weightShare(weights: DetectorWeights, id: keyof DetectorWeights): number {
  const total = totalWeight(weights)
  return total > 0 ? weights[id] / total : 0
}

export function sameWeights(first: DetectorWeights, second: DetectorWeights): boolean {
  return detectors.every((id) => first[id] === second[id])
}

/** Why the engine would refuse these weights, or undefined when it would take them. */
export function weightsProblem(weights: DetectorWeights): string | undefined {
  if (detectors.some((id) => !Number.isFinite(weights[id]) || weights[id] < 0)) return 'Each weight is a number of 0 or more.'
  if (totalWeight(weights) <= 0) return 'At least one weight must be above 0.'
  return undefined
}

export interface DayCounts {
  /** Days at Medium or above: the days that raise alerts (before any percentile cut). */
  alerting: number
  high: number
}

/** Counts the days whose risk Σ wᵢ·scoreᵢ (weights normalized, capped at 1) reaches Medium and High. */
export function countDays(days: readonly DetectorScores[], weights: DetectorWeights): DayCounts {
  const total = totalWeight(weights)
  const counts: DayCounts = { alerting: 0, high: 0 }
  if (!(total > 0)) return counts
  for (const day of days) {
    let risk = 0
    for (const id of detectors) risk += (weights[id] / total) * day[id]
    if (risk >= severityThresholds.medium) counts.alerting++
    if (risk >= severityThresholds.high) counts.high++
  }
  return counts
}
