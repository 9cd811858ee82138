import { userRisk } from '../scoring/combine'
import { summarizeUser } from '../scoring/explain'
import { featureNames } from '../scoring/features'
import { oceanPeriods, oceanPopulation, oceanRadar, type OceanPeriods } from '../scoring/ocean'
import type { AnomalyType, ScoredDay } from '../scoring/types'

export interface RankedUser {
  user: string
  risk: number
  types: AnomalyType[]
  peerGroup: string
  days: number
  events: number
  firstSeen: string
  lastSeen: string
  /** The user's riskiest day. */
  topDate: string
  /** What changed, when, and how sure: from the user's scored days only. */
  summary: string
  /** Baseline vs recent OCEAN vectors and their drift, for the radar; null while history is short. */
  ocean: OceanRadar | null
}

export type OceanRadar = ReturnType<typeof oceanRadar>

/** The ranking: one entry per user (risk from their days, recent ones weighing more), riskiest first. */
export function rankUsers(days: readonly ScoredDay[]): RankedUser[] {
  const byUser = new Map<string, ScoredDay[]>()
  for (const day of days) {
    const list = byUser.get(day.user)
    if (list) list.push(day)
    else byUser.set(day.user, [day])
  }
  // The radar scales each trait against everyone's baseline period, so collect those first.
  const periods = new Map<string, OceanPeriods>()
  for (const [user, list] of byUser) {
    const vectors = list.map((day) => Float64Array.from(featureNames, (name) => day.features[name] ?? 0))
    const found = oceanPeriods(vectors)
    if (found) periods.set(user, found)
  }
  const population = oceanPopulation([...periods.values()])
  const ranked: RankedUser[] = []
  for (const [user, list] of byUser) {
    const period = periods.get(user)
    const top = list.reduce((best, day) => (day.risk > best.risk ? day : best))
    const dates = list.map((day) => day.date).sort()
    ranked.push({
      user,
      risk: userRisk(list),
      types: top.types,
      peerGroup: top.peerGroup,
      days: list.length,
      events: list.reduce((sum, day) => sum + day.events, 0),
      firstSeen: dates[0]!,
      lastSeen: dates.at(-1)!,
      topDate: top.date,
      summary: summarizeUser(user, list),
      ocean: period ? oceanRadar(period, population) : null,
    })
  }
  // Ties by name, so the ranking (and keyset paging over it) is stable.
  return ranked.sort((a, b) => b.risk - a.risk || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0))
}
