import type BetterSqlite3 from 'better-sqlite3'
import type { DayCount } from '../../shared/contract'
import { addDays, daysBetween, localDate, localMidnight } from '../store/zoned-days'

/**
 * Counts events per calendar day of `timeZone` (the days scoring buckets by), walking the `(ts)`
 * index one day at a time so progress can be reported and the work stays proportional to the
 * number of days, not of events.
 */
export function eventsPerDay(
  sqlite: BetterSqlite3.Database,
  user: string | undefined,
  timeZone: string,
  onProgress: (done: number, total: number) => void,
): DayCount[] {
  const userFilter = user === undefined ? '' : ' and user = @user'
  const who = user === undefined ? {} : { user: user.toLowerCase() }
  const span = sqlite.prepare(`select min(ts) as first, max(ts) as last from events where 1 = 1${userFilter}`)
  const { first, last } = span.get(who) as { first: number | null; last: number | null }
  if (first === null || last === null) return []
  const firstDate = localDate(first, timeZone)
  const total = daysBetween(firstDate, localDate(last, timeZone))
  const count = sqlite.prepare(`select count(*) as n from events where ts >= @from and ts < @to${userFilter}`)
  const days: DayCount[] = []
  let from = localMidnight(firstDate, timeZone)
  for (let index = 0; index < total; index += 1) {
    const date = addDays(firstDate, index)
    // Days are 23 or 25 hours long where clocks change: each ends at the next local midnight.
    const to = localMidnight(addDays(date, 1), timeZone)
    const { n } = count.get({ ...who, from, to }) as { n: number }
    if (n > 0) days.push({ date, events: n })
    if (index % 16 === 0 || index === total - 1) onProgress(index + 1, total)
    from = to
  }
  return days
}
