import type BetterSqlite3 from 'better-sqlite3'
import type { DayCount } from '../../shared/contract'

/**
 * Counts events per UTC calendar day, walking the `(ts)` index one day at a time so progress
 * can be reported and the work stays proportional to the number of days, not of events.
 */
export function eventsPerDay(
  sqlite: BetterSqlite3.Database,
  user: string | undefined,
  onProgress: (done: number, total: number) => void,
): DayCount[] {
  const userFilter = user === undefined ? '' : ' and user = @user'
  const span = sqlite.prepare(`select min(ts) as first, max(ts) as last from events where 1 = 1${userFilter}`)
  const { first, last } = span.get(user === undefined ? {} : { user: user.toLowerCase() }) as {
    first: number | null
    last: number | null
  }
  if (first === null || last === null) return []
  const dayMs = 86_400_000
  const start = Math.floor(first / dayMs) * dayMs
  const total = Math.floor((last - start) / dayMs) + 1
  const count = sqlite.prepare(`select count(*) as n from events where ts >= @from and ts < @to${userFilter}`)
  const days: DayCount[] = []
  for (let index = 0; index < total; index += 1) {
    const from = start + index * dayMs
    const parameters = user === undefined ? { from, to: from + dayMs } : { from, to: from + dayMs, user: user.toLowerCase() }
    const { n } = count.get(parameters) as { n: number }
    if (n > 0) days.push({ date: new Date(from).toISOString().slice(0, 10), events: n })
    if (index % 16 === 0 || index === total - 1) onProgress(index + 1, total)
  }
  return days
}
