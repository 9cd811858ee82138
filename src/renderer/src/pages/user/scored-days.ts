import type { ScoredDayRow } from '../../../../shared/scoring-schemas'

/** Days at Medium or above: the ones "previous / next anomalous day" step between. */
export function isAnomalous(day: Pick<ScoredDayRow, 'severity'>): boolean {
  return day.severity !== 'low'
}

/** The nearest anomalous day before `date` (days are oldest first), or null. */
export function previousAnomalousDay(days: readonly ScoredDayRow[], date: string | undefined): ScoredDayRow | null {
  for (let index = days.length - 1; index >= 0; index--) {
    const day = days[index]
    if (day && isAnomalous(day) && (date === undefined || day.date < date)) return day
  }
  return null
}

/** The nearest anomalous day after `date`, or null. */
export function nextAnomalousDay(days: readonly ScoredDayRow[], date: string | undefined): ScoredDayRow | null {
  return days.find((day) => isAnomalous(day) && (date === undefined || day.date > date)) ?? null
}

/**
 * The day to show first: the one the address names when it was scored, else the user's
 * strongest day, else the latest.
 */
export function initialDay(days: readonly ScoredDayRow[], requested: string | undefined, topDate: string): string | undefined {
  const known = (date: string | undefined): boolean => date !== undefined && days.some((day) => day.date === date)
  if (known(requested)) return requested
  if (known(topDate)) return topDate
  return days.at(-1)?.date
}

const dayMs = 86_400_000

/** Every date from `first` to `last` (YYYY-MM-DD), both included; at most `limit` of them. */
export function dateRange(first: string, last: string, limit = 3660): string[] {
  const start = Date.parse(`${first}T00:00:00Z`)
  const end = Date.parse(`${last}T00:00:00Z`)
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return [first]
  const count = Math.min(limit, Math.round((end - start) / dayMs) + 1)
  return Array.from({ length: count }, (_, index) => new Date(start + index * dayMs).toISOString().slice(0, 10))
}
