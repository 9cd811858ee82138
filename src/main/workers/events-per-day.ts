import type BetterSqlite3 from 'better-sqlite3'
import type { DayCount } from '../../shared/contract'
import { addDays, daysBetween } from '../../shared/calendar-days'
import { localDate, localMidnight, offsetSpans } from '../store/zoned-days'

const quarterMs = 900_000

/**
 * Counts events per calendar day of `timeZone` (the days scoring buckets by). The whole
 * workspace's counts come from the quarter-hour tallies the import writer keeps; one user's walk
 * the `(user, ts)` index one day at a time, so progress can be reported and the work stays
 * proportional to the number of days, not of events.
 */
export function eventsPerDay(
  sqlite: BetterSqlite3.Database,
  user: string | undefined,
  timeZone: string,
  onProgress: (done: number, total: number) => void,
): DayCount[] {
  if (user === undefined) {
    const days = fromQuarters(sqlite, timeZone)
    onProgress(1, 1)
    return days
  }
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

function fromQuarters(sqlite: BetterSqlite3.Database, timeZone: string): DayCount[] {
  const rows = sqlite.prepare('select quarter, sum(events) as events from event_quarters group by quarter order by quarter').all() as { quarter: number; events: number }[]
  if (rows.length === 0) return []
  const spans = offsetSpans(timeZone, rows[0]!.quarter * quarterMs, (rows.at(-1)!.quarter + 1) * quarterMs)
  const days: DayCount[] = []
  let span = 0
  for (const { quarter, events } of rows) {
    const at = quarter * quarterMs
    while (at >= spans[span]!.end) span++
    const date = new Date(at + spans[span]!.offset).toISOString().slice(0, 10)
    const last = days.at(-1)
    if (last?.date === date) last.events += events
    else if (events > 0) days.push({ date, events })
  }
  return days
}
