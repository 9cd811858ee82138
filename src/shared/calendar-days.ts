// Arithmetic on calendar days written YYYY-MM-DD, which have no zone: the workspace's wall-clock
// days (store/zoned-days.ts) and the scoring's dates both count with these.

const dayMs = 86_400_000

/** The day `count` days after `date` (before, when negative). */
export function addDays(date: string, count: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + count * dayMs).toISOString().slice(0, 10)
}

/** Days from `first` to `last`, both included (0 when `last` is earlier). */
export function daysBetween(first: string, last: string): number {
  return Math.max(0, Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / dayMs) + 1)
}
