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
  /** The day that gave the user's risk. */
  topDate: string
  summary: string
}

/** Days this old (before the workspace's newest day) count half as much as today. */
const halfLifeDays = 30

/**
 * A user's risk from their days: the strongest day, discounted by age relative to the newest day
 * in the workspace (never below half), so a recent incident outranks an equal old one while an
 * old one is not forgotten. Sorted highest first; ties by name for a stable ranking.
 */
export function userRisk(days: readonly ScoredDay[]): RankedUser[] {
  const newest = days.reduce((latest, day) => (day.date > latest ? day.date : latest), '')
  const newestMs = Date.parse(newest)
  const byUser = new Map<string, RankedUser & { weighted: number }>()
  for (const day of days) {
    const age = Math.max(0, (newestMs - Date.parse(day.date)) / 86_400_000)
    const weighted = day.risk * (0.5 + 0.5 * 2 ** (-age / halfLifeDays))
    const user = byUser.get(day.user)
    if (!user) {
      byUser.set(day.user, {
        user: day.user, risk: day.risk, weighted, types: day.types, peerGroup: day.peerGroup, days: 1, events: day.events,
        firstSeen: day.date, lastSeen: day.date, topDate: day.date, summary: day.summary,
      })
      continue
    }
    user.days += 1
    user.events += day.events
    if (day.date < user.firstSeen) user.firstSeen = day.date
    if (day.date > user.lastSeen) user.lastSeen = day.date
    if (weighted > user.weighted) Object.assign(user, { weighted, risk: day.risk, types: day.types, topDate: day.date, summary: day.summary })
  }
  return [...byUser.values()]
    .map(({ weighted, ...user }) => ({ ...user, risk: weighted }))
    .sort((a, b) => b.risk - a.risk || a.user.localeCompare(b.user))
}
