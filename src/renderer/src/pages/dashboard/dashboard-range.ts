import type { DaySpan } from '../../zoned-day'

/** Days (YYYY-MM-DD) the panels below the risk timeline are narrowed to, both ends included. */
export type DashboardRange = DaySpan

const dayMs = 86_400_000
/** Past this span the quiet days are not filled in, so a stray 1970 date cannot draw 20,000 bars. */
const maximumFilledDays = 1500

export function inRange(date: string, range: DashboardRange | null): boolean {
  return range === null || (date >= range.from && date <= range.to)
}

/** Every date from the first to the last, so a time axis shows quiet days as gaps. */
export function fillDates(first: string, last: string, present: readonly string[]): string[] {
  const start = Date.parse(`${first}T00:00:00Z`)
  const end = Date.parse(`${last}T00:00:00Z`)
  const span = Math.round((end - start) / dayMs) + 1
  if (!Number.isFinite(span) || span < 1 || span > maximumFilledDays) return [...present]
  return Array.from({ length: span }, (_, index) => new Date(start + index * dayMs).toISOString().slice(0, 10))
}
