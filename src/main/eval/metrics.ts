// Ranking metrics for labelled evaluations. Pure functions over parallel arrays: `scores[i]`
// belongs to `labels[i]` (true = attacked). Ties are handled explicitly everywhere, because
// detectors often give many items the same score (0 for quiet days) and an arbitrary tie order
// would make a metric depend on the order rows came out of the database.

/** Indexes of `scores`, highest score first; ties keep index order (callers treat ties as groups). */
function descending(scores: ArrayLike<number>): number[] {
  const order = Array.from({ length: scores.length }, (_, index) => index)
  return order.sort((left, right) => (scores[right] as number) - (scores[left] as number) || left - right)
}

function countPositives(labels: ArrayLike<boolean>): number {
  let positives = 0
  for (let index = 0; index < labels.length; index++) if (labels[index]) positives++
  return positives
}

function assertSameLength(scores: ArrayLike<number>, labels: ArrayLike<boolean>): void {
  if (scores.length !== labels.length) throw new RangeError(`${scores.length} scores but ${labels.length} labels`)
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (Mann–Whitney U with average ranks). NaN without both classes.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  assertSameLength(scores, labels)
  const positives = countPositives(labels)
  const negatives = labels.length - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  const order = descending(scores).reverse()
  let positiveRankSum = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number]) end++
    // Ranks start..end (1-based: start+1..end+1) are shared by the tie group: each gets the mean.
    const rank = (start + end + 2) / 2
    for (let at = start; at <= end; at++) if (labels[order[at] as number]) positiveRankSum += rank
    start = end + 1
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/**
 * Average precision, as scikit-learn computes it: Σ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score
 * thresholds, highest first, so a group of tied scores is one step. `unranked` positives were never
 * scored: they count among the positives and are never found. NaN without positives.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<boolean>, unranked = 0): number {
  assertSameLength(scores, labels)
  const positives = countPositives(labels) + unranked
  if (positives === 0) return Number.NaN
  const order = descending(scores)
  let truePositives = 0
  let seen = 0
  let previousRecall = 0
  let sum = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number]) end++
    for (let at = start; at <= end; at++) if (labels[order[at] as number]) truePositives++
    seen += end - start + 1
    const recall = truePositives / positives
    sum += (recall - previousRecall) * (truePositives / seen)
    previousRecall = recall
    start = end + 1
  }
  return sum
}

/**
 * Share of the positives found in the top `k`. When the k-th place falls inside a group of tied
 * scores, the group's positives count in proportion to the places left (the expected value over
 * every order of the tie). `unranked` positives were never scored: they count among the positives
 * and are never in the top `k`. NaN without positives.
 */
export function recallAtK(scores: ArrayLike<number>, labels: ArrayLike<boolean>, k: number, unranked = 0): number {
  assertSameLength(scores, labels)
  const positives = countPositives(labels) + unranked
  if (positives === 0) return Number.NaN
  const places = Math.max(0, Math.min(Math.floor(k), scores.length))
  if (places === 0) return 0
  const order = descending(scores)
  const cut = scores[order[places - 1] as number] as number
  let found = 0
  let taken = 0
  let tiedCount = 0
  let tiedPositives = 0
  for (const index of order) {
    const score = scores[index] as number
    if (score > cut) {
      taken++
      if (labels[index]) found++
    } else if (score === cut) {
      tiedCount++
      if (labels[index]) tiedPositives++
    }
  }
  found += (tiedPositives * (places - taken)) / tiedCount
  return found / positives
}

/** One scenario's day-level recall: attacked user-days flagged at Medium or above. */
export interface ScenarioRecall {
  scenario: string
  /** Attacked user-days (a user-day attacked twice by one scenario counts once). */
  days: number
  flaggedDays: number
  /** flaggedDays / days. */
  recall: number
  /** Attacked users, and those with at least one attack day flagged. */
  users: number
  detectedUsers: number
}

/** Per-scenario recall, scenarios in name order; `isFlagged` says whether a user-day reached Medium. */
export function perScenarioRecall(
  attacks: readonly { user: string; scenario: string; days: readonly string[] }[],
  isFlagged: (user: string, date: string) => boolean,
): ScenarioRecall[] {
  const byScenario = new Map<string, Map<string, Set<string>>>()
  for (const attack of attacks) {
    const users = byScenario.get(attack.scenario) ?? new Map<string, Set<string>>()
    byScenario.set(attack.scenario, users)
    const dates = users.get(attack.user) ?? new Set<string>()
    users.set(attack.user, dates)
    for (const date of attack.days) dates.add(date)
  }
  return [...byScenario.keys()].sort().map((scenario) => {
    let days = 0
    let flaggedDays = 0
    let detectedUsers = 0
    const users = byScenario.get(scenario) as Map<string, Set<string>>
    for (const [user, dates] of users) {
      let flagged = 0
      for (const date of dates) if (isFlagged(user, date)) flagged++
      days += dates.size
      flaggedDays += flagged
      if (flagged > 0) detectedUsers++
    }
    return { scenario, days, flaggedDays, recall: days === 0 ? Number.NaN : flaggedDays / days, users: users.size, detectedUsers }
  })
}
