import type { Labels } from './labels'
import { type ScenarioRecall, averagePrecision, perScenarioRecall, recallAtK, rocAuc } from './metrics'
import type { ScoredSource } from './scored-source'

/** Everything `argus eval` reports. NaN stands for "not defined here" (no positives, say). */
export interface EvaluationReport {
  /** Ranked principals considered, attacked users among them, and K. */
  users: number
  attackedUsers: number
  k: number
  recallAtK: number
  averagePrecision: number
  /** User-day ROC AUC over every scored day (attacked days positive). */
  dayAuc: number
  days: {
    scored: number
    attacked: number
    /** Attacked days scoring found no events for: counted as missed, lowest score. */
    attackedUnscored: number
    flagged: number
    flaggedAttacked: number
    /** flaggedAttacked / flagged: how many Medium+ days an analyst would find real. */
    precision: number
  }
  scenarios: ScenarioRecall[]
  /** Attacked users with their place in the ranking (1 = riskiest; null = not ranked). */
  attacked: { user: string; scenarios: string[]; rank: number | null; risk: number | null }[]
  /** Ranked principals the labels do not list (service accounts, names guessed by scanners). */
  unlabelled: { count: number; inTopK: number; top: { user: string; rank: number; risk: number }[] }
}

export interface EvaluationOptions {
  /** Places that count as found; default: the number of attacked users. */
  k?: number
  /** Rank only the users the labels list (drop root, scanners' guesses, service accounts). */
  labelledOnly?: boolean
}

function key(user: string, date: string): string {
  return `${user}\u0000${date}`
}

/** Compares scored results with labels. Pure: same inputs, same report. */
export function evaluate(labels: Labels, source: ScoredSource, options: EvaluationOptions = {}): EvaluationReport {
  const known = new Set(labels.users)
  const scenariosOf = new Map<string, string[]>()
  const attackedDays = new Set<string>()
  for (const attack of labels.attacks) {
    scenariosOf.set(attack.user, [...(scenariosOf.get(attack.user) ?? []), attack.scenario])
    for (const date of attack.days) attackedDays.add(key(attack.user, date))
  }
  const keep = (user: string): boolean => !options.labelledOnly || known.has(user)

  const ranking = source
    .users()
    .filter((entry) => keep(entry.user))
    .sort((left, right) => right.risk - left.risk || (left.user < right.user ? -1 : left.user > right.user ? 1 : 0))
  const rankOf = new Map(ranking.map((entry, index) => [entry.user, index + 1]))
  const riskOf = new Map(ranking.map((entry) => [entry.user, entry.risk]))
  const userScores: number[] = ranking.map((entry) => entry.risk)
  const userLabels: boolean[] = ranking.map((entry) => scenariosOf.has(entry.user))
  // An attacked user scoring never saw is not in the ranking: counted as attacked, never found.
  const unranked = [...scenariosOf.keys()].filter((user) => !rankOf.has(user)).length
  const k = options.k ?? scenariosOf.size

  const dayScores: number[] = []
  const dayLabels: boolean[] = []
  const flagged = new Set<string>()
  let flaggedAttacked = 0
  const seen = new Set<string>()
  for (const day of source.days()) {
    if (!keep(day.user)) continue
    const id = key(day.user, day.date)
    if (seen.has(id)) continue
    seen.add(id)
    const attacked = attackedDays.has(id)
    dayScores.push(day.risk)
    dayLabels.push(attacked)
    if (day.severity !== 'low') {
      flagged.add(id)
      if (attacked) flaggedAttacked++
    }
  }
  let attackedUnscored = 0
  for (const id of attackedDays) {
    if (seen.has(id)) continue
    attackedUnscored++
    dayScores.push(Number.NEGATIVE_INFINITY)
    dayLabels.push(true)
  }

  const unlabelled = ranking.filter((entry) => !known.has(entry.user))
  return {
    users: ranking.length,
    attackedUsers: scenariosOf.size,
    k,
    recallAtK: recallAtK(userScores, userLabels, k, unranked),
    averagePrecision: averagePrecision(userScores, userLabels, unranked),
    dayAuc: rocAuc(dayScores, dayLabels),
    days: {
      scored: seen.size,
      attacked: attackedDays.size,
      attackedUnscored,
      flagged: flagged.size,
      flaggedAttacked,
      precision: flagged.size === 0 ? Number.NaN : flaggedAttacked / flagged.size,
    },
    scenarios: perScenarioRecall(labels.attacks, (user, date) => flagged.has(key(user, date))),
    attacked: [...scenariosOf]
      .map(([user, scenarios]) => ({ user, scenarios, rank: rankOf.get(user) ?? null, risk: riskOf.get(user) ?? null }))
      .sort((left, right) => (left.rank ?? Infinity) - (right.rank ?? Infinity) || (left.user < right.user ? -1 : 1)),
    unlabelled: {
      count: unlabelled.length,
      inTopK: unlabelled.filter((entry) => (rankOf.get(entry.user) ?? Infinity) <= k).length,
      top: unlabelled.slice(0, 5).map((entry) => ({ user: entry.user, rank: rankOf.get(entry.user) as number, risk: entry.risk })),
    },
  }
}
