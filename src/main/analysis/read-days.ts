import type BetterSqlite3 from 'better-sqlite3'
import type { EventCategory, EventOutcome } from '../../shared/event'
import type { ScoredEvent, UserDay } from '../scoring/types'
import { addDays } from '../../shared/calendar-days'
import { normalizeUser } from '../parsers/normalize'
import { localDate, localMidnight } from '../store/zoned-days'

// The workspace's events as scoring reads them: one local date at a time, so a workspace of ten
// million events is scored holding one date's events in memory, never all of them. Each date is
// a range scan of the (ts) index; imports write each file's rows in time order, so a date's rows
// sit in a few contiguous runs of pages, one per file.

type RawRow = [string, number, EventCategory, string, EventOutcome, string | null, string | null, string | null, string | null, number | null, number | null, string]

const columns = 'ts, category, action, outcome, host, src_ip, dst_ip, object, bytes, amount, attrs'

/** The local dates from the one holding the first event to the one holding the last, oldest first. */
export function eventDates(sqlite: BetterSqlite3.Database, timeZone: string): { first: string; last: string } | null {
  const span = sqlite.prepare('select min(ts) as first, max(ts) as last from events').get() as { first: number | null; last: number | null }
  if (span.first === null || span.last === null) return null
  return { first: localDate(span.first, timeZone), last: localDate(span.last, timeZone) }
}

export interface DayReader {
  /** Every user-day of one local date, users in name order, each day's events oldest first. */
  read(date: string): UserDay[]
  /** One user's own days from `from` up to `to` (excluded), oldest first. */
  readUser(user: string, from: string, to: string): UserDay[]
}

export function createDayReader(sqlite: BetterSqlite3.Database, timeZone: string): DayReader {
  const own = sqlite.prepare(`select user, ${columns} from events where ts >= ? and ts < ? and user is not null`).raw()
  // Account changes logged without an actor (`usermod -aG sudo bob` in syslog) belong to the
  // account they change: adding bob to an admin group is bob's privilege escalation.
  const targeted = sqlite
    .prepare(
      `select json_extract(attrs, '$.targetUser'), ${columns} from events
       where ts >= ? and ts < ? and user is null and category in ('system', 'authentication') and json_extract(attrs, '$.targetUser') is not null`,
    )
    .raw()
  const ofUser = sqlite.prepare(`select user, ${columns} from events where user = ? and ts >= ? and ts < ? order by ts`).raw()
  const bounds = (date: string): { start: number; end: number; offsetMinutes: number } => {
    const start = localMidnight(date, timeZone)
    return { start, end: localMidnight(addDays(date, 1), timeZone), offsetMinutes: Math.round((Date.parse(`${date}T00:00:00Z`) - start) / 60_000) }
  }
  return {
    read(date) {
      const { start, end, offsetMinutes } = bounds(date)
      const byUser = new Map<string, ScoredEvent[]>()
      for (const statement of [own, targeted]) {
        for (const row of statement.iterate(start, end) as IterableIterator<RawRow>) {
          // A changed account is written as logged (`EXAMPLE\admin01`): the same person as the user column's `admin01`.
          const user = statement === own ? row[0] : normalizeUser(row[0])
          if (user === null) continue
          const list = byUser.get(user)
          if (list) list.push(fromRaw(row))
          else byUser.set(user, [fromRaw(row)])
        }
      }
      return [...byUser.keys()].sort().map((user) => ({
        user,
        date,
        dayStart: start,
        offsetMinutes,
        events: byUser.get(user)!.sort((first, second) => first.ts - second.ts),
      }))
    },
    readUser(user, from, to) {
      const days: UserDay[] = []
      for (const row of ofUser.iterate(user, localMidnight(from, timeZone), localMidnight(to, timeZone)) as IterableIterator<RawRow>) {
        const date = localDate(row[1], timeZone)
        let day = days.at(-1)
        if (day?.date !== date) {
          const { start, offsetMinutes } = bounds(date)
          days.push((day = { user, date, dayStart: start, offsetMinutes, events: [] }))
        }
        day.events.push(fromRaw(row))
      }
      return days
    },
  }
}

function fromRaw(row: RawRow): ScoredEvent {
  const attrs = row[11]
  return {
    ts: row[1],
    category: row[2],
    action: row[3],
    outcome: row[4],
    host: row[5],
    srcIp: row[6],
    dstIp: row[7],
    object: row[8],
    bytes: row[9],
    amount: row[10],
    attrs: attrs === '{}' ? {} : (JSON.parse(attrs) as Record<string, unknown>),
  }
}

/** user → peer group from the newest directory snapshot that names one (department, else role). */
export function readDirectory(sqlite: BetterSqlite3.Database): Map<string, string> {
  const groups = new Map<string, string>()
  const rows = sqlite.prepare(`select user, fields from user_profiles where kind = 'directory' order by id`).iterate() as IterableIterator<{
    user: string
    fields: string
  }>
  for (const row of rows) {
    const fields = JSON.parse(row.fields) as Record<string, unknown>
    const group = fields.department ?? fields.role ?? fields.functionalUnit ?? fields.businessUnit
    if (typeof group === 'string' && group.trim() !== '') groups.set(row.user, group.trim())
  }
  return groups
}

/** Every user with events of their own, with the local date of their first event. */
export function usersFirstSeen(sqlite: BetterSqlite3.Database, timeZone: string): Map<string, string> {
  const rows = sqlite.prepare('select user, min(ts) as first from events where user is not null group by user').all() as { user: string; first: number }[]
  return new Map(rows.map((row) => [row.user, localDate(row.first, timeZone)]))
}
