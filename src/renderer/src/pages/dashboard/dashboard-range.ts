import type { AlertDay } from '../../hooks/use-dashboard-alert-stats'

/** Days (YYYY-MM-DD) the panels below the risk timeline are narrowed to, both ends included. */
export interface DashboardRange {
  from: string
  to: string
}

const dayMs = 86_400_000
/** Past this span the quiet days are not filled in, so a stray 1970 date cannot draw 20,000 bars. */
const maximumFilledDays = 1500

export function inRange(date: string, range: DashboardRange | null): boolean {
  return range === null || (date >= range.from && date <= range.to)
}

/** The epoch-ms bounds of a range of UTC days, as `events:list` takes them (`to` exclusive). */
export function rangeBounds(range: DashboardRange): { from: number; to: number } {
  return { from: Date.parse(`${range.from}T00:00:00Z`), to: Date.parse(`${range.to}T00:00:00Z`) + dayMs }
}

/** Every date from the first to the last, so a time axis shows quiet days as gaps. */
export function fillDates(first: string, last: string, present: readonly string[]): string[] {
  const start = Date.parse(`${first}T00:00:00Z`)
  const end = Date.parse(`${last}T00:00:00Z`)
  const span = Math.round((end - start) / dayMs) + 1
  if (!Number.isFinite(span) || span < 1 || span > maximumFilledDays) return [...present]
  return Array.from({ length: span }, (_, index) => new Date(start + index * dayMs).toISOString().slice(0, 10))
}

/** Alerts per severity and per anomaly type over the days in `range`. */
export function sumAlertDays(days: readonly AlertDay[], range: DashboardRange | null) {
  let high = 0
  let medium = 0
  const types = new Map<string, number>()
  for (const day of days) {
    if (!inRange(day.date, range)) continue
    high += day.high
    medium += day.medium
    for (const [type, count] of Object.entries(day.types)) types.set(type, (types.get(type) ?? 0) + count)
  }
  return { high, medium, types: [...types.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) }
}
