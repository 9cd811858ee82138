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
 * Every user's events as day series in the workspace's time zone, read in (user, ts) index order
 * so each user's days come out already sorted. Peer groups come from the directory (LDAP) where
 * one was imported; an empty group asks scoring to find one from behaviour.
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
  const rows = sqlite
    .prepare(
      `select user, ts, category, action, outcome, host, src_ip, dst_ip, object, bytes, amount, attrs
       from events where user is not null order by user, ts`,
    )
    .iterate() as IterableIterator<EventRow>
  const series: UserSeries[] = []
  let current: UserSeries | null = null
  let day: UserDay | null = null
  for (const row of rows) {
    if (!current || current.user !== row.user) {
      current = { user: row.user, peerGroup: directory.get(row.user) ?? '', days: [] }
      series.push(current)
      day = null
    }
    const offset = offsetAt(row.ts)
    const local = row.ts + offset
    const date = new Date(local).toISOString().slice(0, 10)
    if (!day || day.date !== date) {
      const localMidnight = Math.floor(local / 86_400_000) * 86_400_000
      day = { user: row.user, date, dayStart: localMidnight - offset, offsetMinutes: offset / 60_000, events: [] }
      current.days.push(day)
    }
    day.events.push(toScoredEvent(row))
  }
  attributeToTargets(sqlite, series, (ts) => offsetAt(ts))
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
