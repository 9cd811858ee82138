import type BetterSqlite3 from 'better-sqlite3'
import type { ApiRequest } from '../../../shared/contract'
import type { WeekHours, WeekHoursPeriod } from '../../../shared/stats-schemas'
import { addDays } from '../../../shared/calendar-days'
import { localDate, localMidnight, offsetSpans } from '../zoned-days'

// A user's hour × weekday pattern in a period and before it, counted by SQLite over the
// `(user, ts)` index: one grouped query per stretch of constant UTC offset.

/** The period when none is asked for: the user's last week with events. */
const defaultPeriodDays = 7

/** The user's events by weekday and hour in the period asked for (or their last week), and before it. */
export function weekHours(sqlite: BetterSqlite3.Database, query: ApiRequest<'stats:weekHours'>, timeZone: string): WeekHours {
  const user = query.user.toLowerCase()
  const span = sqlite.prepare('select min(ts) as first, max(ts) as last from events where user = ?').get(user) as { first: number | null; last: number | null }
  if (span.first === null || span.last === null) return { timeZone, period: emptyPeriod(), baseline: emptyPeriod() }
  const to = query.to ?? localDate(span.last, timeZone)
  const from = query.from ?? addDays(to, 1 - defaultPeriodDays)
  const start = localMidnight(from, timeZone)
  const end = localMidnight(addDays(to, 1), timeZone)
  const period = countWeekHours(sqlite, user, Math.max(start, span.first), Math.min(end, span.last + 1), timeZone)
  const baseline = countWeekHours(sqlite, user, span.first, Math.min(start, span.last + 1), timeZone)
  return {
    timeZone,
    period: { ...period, from, to },
    baseline: { ...baseline, from: baseline.events > 0 ? localDate(span.first, timeZone) : null, to: baseline.events > 0 ? addDays(from, -1) : null },
  }
}

function emptyPeriod(): WeekHoursPeriod {
  return { from: null, to: null, events: 0, counts: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)) }
}

/**
 * Epoch day 0 (1970-01-01) was a Thursday: `(day + 3) % 7` numbers weekdays from Monday. The
 * offset moves each event onto the wall clock before it is cut into days and hours; it is cast
 * because a JavaScript number binds as REAL, which would make the divisions fractional.
 */
const countSql = `select (local / 86400000 + 3) % 7 as weekday, (local % 86400000) / 3600000 as hour, count(*) as events
  from (select ts + cast(@offset as integer) as local from events where user = @user and ts >= @from and ts < @to)
  group by weekday, hour`

function countWeekHours(sqlite: BetterSqlite3.Database, user: string, from: number, to: number, timeZone: string): WeekHoursPeriod {
  const result = emptyPeriod()
  if (to <= from) return result
  const statement = sqlite.prepare(countSql)
  for (const { start, end, offset } of offsetSpans(timeZone, from, to)) {
    const rows = statement.all({ user, from: start, to: end, offset }) as { weekday: number; hour: number; events: number }[]
    for (const row of rows) {
      const counts = result.counts[row.weekday]
      // Events before 1970 would land on negative days and hours; no real log has them.
      if (!counts || row.hour < 0) continue
      counts[row.hour] = (counts[row.hour] ?? 0) + row.events
      result.events += row.events
    }
  }
  return result
}
