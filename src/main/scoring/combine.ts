import { severityOf, type Severity } from '../../shared/severity'
import { rulesPastCap } from './rules'
import { defaultWeights, detectorIds, type AnomalyType, type DetectorId, type DetectorResult, type DetectorWeights, type Fact } from './types'

// risk = Σ wᵢ·scoreᵢ with the analyst's weights normalized to sum to 1 (DESIGN.md). Anomaly types
// are ranked by how much weighted score stands behind them; facts by how much they moved their
// detector times that detector's weight.

/** Facts a scored day keeps. */
export const maxFacts = 8

/** The weights scaled to sum to 1; negative or non-finite weights are an error, all zeros fall back to the defaults. */
export function normalizeWeights(weights: DetectorWeights): DetectorWeights {
  let total = 0
  for (const id of detectorIds) {
    const weight = weights[id]
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`detector weight ${id} must be a finite number ≥ 0, not ${weight}`)
    total += weight
  }
  if (total === 0) return { ...defaultWeights }
  return Object.fromEntries(detectorIds.map((id) => [id, weights[id] / total])) as DetectorWeights
}

export interface Combined {
  risk: number
  severity: Severity
  types: AnomalyType[]
  facts: Fact[]
}

/**
 * The rules score is capped at 1, so an administrator added, Defender disabled and a first account
 * created would weigh no more than one of them. This share of the findings past the cap is added
 * on top: measured on the four independent generators' corpora, it lifted such days above honest
 * look-alikes with one finding and a high baseline (night workers, uploaders), while a day with a
 * single finding keeps its risk.
 */
const rulesPastCapShare = 0.4

/** Combines the five detectors' results with normalized weights. */
export function combineDetectors(results: Readonly<Record<DetectorId, DetectorResult>>, weights: DetectorWeights): Combined {
  let risk = 0
  const strength = new Map<AnomalyType, number>()
  const facts: { fact: Fact; rank: number }[] = []
  for (const id of detectorIds) {
    const result = results[id]
    const weighted = weights[id] * result.score
    risk += weighted
    if (id === 'rules') risk += weights.rules * rulesPastCapShare * rulesPastCap(result.facts)
    // A detector's first type is its main finding; later ones get slightly less of its weight.
    result.types.forEach((type, index) => strength.set(type, (strength.get(type) ?? 0) + weighted * (1 - 0.1 * Math.min(index, 5))))
    for (const fact of result.facts) facts.push({ fact, rank: fact.weight * weights[id] })
  }
  risk = Math.min(1, Math.max(0, risk))
  const types = [...strength.entries()].filter(([, value]) => value > 0).sort((first, second) => second[1] - first[1] || compareText(first[0], second[0])).map(([type]) => type)
  facts.sort((first, second) => second.rank - first.rank || compareText(first.fact.key, second.fact.key))
  return { risk, severity: severityOf(risk), types, facts: facts.slice(0, maxFacts).map((entry) => entry.fact) }
}

/** Code-unit order: the same on every machine, unlike a locale's collation. */
function compareText(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0
}

/**
 * A user's risk from their scored days, for ranking: their strongest day. Recent days weigh more:
 * a day `halfLifeDays` before the user's last day keeps 7/8 of its risk, and no day drops below
 * 3/4, so an attack early in the period is not forgotten. Adding a share of the second and third
 * strongest days (a campaign outranking one odd day) was measured on logs from four independent
 * generators: it lifted honest people with irregular lives (night shifts, weekend researchers,
 * frequent uploaders), who have many odd days, above attacks, which mostly have one or two. A
 * campaign still counts through the rules that look back (sustained-job-search, sustained-collection).
 */
export function userRisk(days: readonly { date: string; risk: number }[], halfLifeDays = 14): number {
  if (days.length === 0) return 0
  const last = Math.max(...days.map((day) => Date.parse(`${day.date}T00:00:00Z`)))
  let strongest = 0
  for (const day of days) {
    const age = (last - Date.parse(`${day.date}T00:00:00Z`)) / 86_400_000
    strongest = Math.max(strongest, day.risk * (0.75 + 0.25 * Math.pow(0.5, age / halfLifeDays)))
  }
  return Math.min(1, strongest)
}
