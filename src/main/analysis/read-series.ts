import type BetterSqlite3 from 'better-sqlite3'
import type { EventCategory, EventOutcome } from '../../shared/event'
import { zoneOffset } from '../parsers/time'
import type { ScoredEvent, UserDay, UserSeries } from '../scoring/types'

interface EventRow {
  user: string
  ts: number
  category: EventCategory
  action: string
  outcome: EventOutcome
  host: string | null
  src_ip: string | null
  dst_ip: string | null
  object: string | null
  bytes: number | null
  amount: number | null
  attrs: string
}

const hourMs = 3_600_000

/**
 * Every user's events as day series in the workspace's time zone. The table is read in storage
 * order (sequential pages; walking the (user, ts) index instead fetches rows all over the file,
 * several times slower) and each user's events are sorted by time here. Peer groups come from the
 * directory (LDAP) where one was imported; an empty group asks scoring to find one from behaviour.
 */
export function readSeries(sqlite: BetterSqlite3.Database, timeZone: string): UserSeries[] {
  const directory = readDirectory(sqlite)
  const offsets = new Map<number, number>()
  const offsetAt = (ts: number): number => {
    const hour = Math.floor(ts / hourMs)
    let offset = offsets.get(hour)
    if (offset === undefined) {
      offset = zoneOffset(hour * hourMs, timeZone)
      offsets.set(hour, offset)
    }
    return offset
  }
  const byUser = new Map<string, { ts: number; event: ScoredEvent }[]>()
  // Raw rows (arrays) spare an object per row; the column order is the select's.
  const rows = sqlite
    .prepare(`select user, ts, category, action, outcome, host, src_ip, dst_ip, object, bytes, amount, attrs from events where user is not null`)
    .raw()
    .iterate() as IterableIterator<RawRow>
  for (const row of rows) {
    const user = row[0]
    const item = { ts: row[1], event: fromRaw(row) }
    const list = byUser.get(user)
    if (list) list.push(item)
    else byUser.set(user, [item])
  }
  const series: UserSeries[] = []
  for (const user of [...byUser.keys()].sort()) {
    const events = byUser.get(user)!
    events.sort((a, b) => a.ts - b.ts)
    const entry: UserSeries = { user, peerGroup: directory.get(user) ?? '', days: [] }
    let day: UserDay | null = null
    for (const { ts, event } of events) {
      const offset = offsetAt(ts)
      const local = ts + offset
      const date = new Date(local).toISOString().slice(0, 10)
      if (!day || day.date !== date) {
        const localMidnight = Math.floor(local / 86_400_000) * 86_400_000
        day = { user, date, dayStart: localMidnight - offset, offsetMinutes: offset / 60_000, events: [] }
        entry.days.push(day)
      }
      day.events.push(event)
    }
    series.push(entry)
  }
  attributeToTargets(sqlite, series, offsetAt)
  return series
}

/**
 * Account changes logged without an actor (`usermod -aG sudo bob` in syslog) belong to the
 * account they change: adding bob to an admin group is bob's privilege escalation.
 */
function attributeToTargets(sqlite: BetterSqlite3.Database, series: UserSeries[], offsetAt: (ts: number) => number): void {
  const rows = sqlite
    .prepare(
      `select lower(json_extract(attrs, '$.targetUser')) as user, ts, category, action, outcome, host, src_ip, dst_ip, object, bytes, amount, attrs
       from events where user is null and category in ('system', 'authentication') and json_extract(attrs, '$.targetUser') is not null`,
    )
    .all() as EventRow[]
  if (rows.length === 0) return
  const byUser = new Map(series.map((entry) => [entry.user, entry]))
  const touched = new Set<UserSeries>()
  for (const row of rows) {
    let entry = byUser.get(row.user)
    if (!entry) {
      entry = { user: row.user, peerGroup: '', days: [] }
      byUser.set(row.user, entry)
      series.push(entry)
    }
    const offset = offsetAt(row.ts)
    const local = row.ts + offset
    const date = new Date(local).toISOString().slice(0, 10)
    let day = entry.days.find((candidate) => candidate.date === date)
    if (!day) {
      const localMidnight = Math.floor(local / 86_400_000) * 86_400_000
      day = { user: row.user, date, dayStart: localMidnight - offset, offsetMinutes: offset / 60_000, events: [] }
      entry.days.push(day)
    }
    day.events.push(toScoredEvent(row))
    touched.add(entry)
  }
  for (const entry of touched) {
    entry.days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    for (const day of entry.days) day.events.sort((a, b) => a.ts - b.ts)
  }
  series.sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0))
}

type RawRow = [string, number, EventCategory, string, EventOutcome, string | null, string | null, string | null, string | null, number | null, number | null, string]

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

function toScoredEvent(row: EventRow): ScoredEvent {
  return {
    ts: row.ts,
    category: row.category,
    action: row.action,
    outcome: row.outcome,
    host: row.host,
    srcIp: row.src_ip,
    dstIp: row.dst_ip,
    object: row.object,
    bytes: row.bytes,
    amount: row.amount,
    attrs: row.attrs === '{}' ? {} : (JSON.parse(row.attrs) as Record<string, unknown>),
  }
}

/** user → peer group from the newest directory snapshot that names one (department, else role). */
function readDirectory(sqlite: BetterSqlite3.Database): Map<string, string> {
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
