import type BetterSqlite3 from 'better-sqlite3'
import type { Tag } from '../../../shared/case-schemas'
import { ArgusError } from '../../../shared/errors'

// Tags on events, alerts and users, in one table keyed by (target, key, tag).

type Target = Tag['target']

interface TagRow {
  target: Target
  key: string
  tag: string
  author: string
  added_at: number
}

function toTag(row: TagRow): Tag {
  return { target: row.target, key: row.key, tag: row.tag, author: row.author, addedAt: row.added_at }
}

const tablesByTarget = { event: 'events', alert: 'alerts' } as const

/**
 * The stored form of a target's key: an event or alert id in plain decimal, a user name in lower
 * case (as events store it). With `mustExist`, an id that names nothing is not_found.
 */
export function tagKeyOf(sqlite: BetterSqlite3.Database, target: Target, key: string, mustExist: boolean): string {
  if (target === 'user') return key.toLowerCase()
  if (!/^\d{1,15}$/.test(key)) throw new ArgusError('bad_request', `an ${target} tag needs the ${target}'s id as a number, got '${key}'`)
  const id = Number(key)
  if (mustExist && !sqlite.prepare(`select 1 from ${tablesByTarget[target]} where id = ?`).get(id)) throw new ArgusError('not_found', `no ${target} #${id}`)
  return String(id)
}

/** Adds a tag; adding it again returns the first one with `added: false`. */
export function addTag(sqlite: BetterSqlite3.Database, target: Target, key: string, tag: string, author: string, now: number): { value: Tag; added: boolean } {
  const { changes } = sqlite
    .prepare('insert into tags (target, key, tag, author, added_at) values (?, ?, ?, ?, ?) on conflict do nothing')
    .run(target, key, tag, author, now)
  const row = sqlite.prepare('select * from tags where target = ? and key = ? and tag = ?').get(target, key, tag) as TagRow
  return { value: toTag(row), added: changes > 0 }
}

export function removeTag(sqlite: BetterSqlite3.Database, target: Target, key: string, tag: string): boolean {
  return sqlite.prepare('delete from tags where target = ? and key = ? and tag = ?').run(target, key, tag).changes > 0
}

export function listTags(sqlite: BetterSqlite3.Database, target: Target, key?: string): Tag[] {
  const rows = key === undefined
    ? sqlite.prepare('select * from tags where target = ? order by key, tag').all(target)
    : sqlite.prepare('select * from tags where target = ? and key = ? order by tag').all(target, key)
  return (rows as TagRow[]).map(toTag)
}

/** Every tag on the given users, alerts and events (a case's evidence), by target then key. */
export function tagsOn(sqlite: BetterSqlite3.Database, keys: Record<Target, readonly string[]>): Tag[] {
  const rows = sqlite
    .prepare(
      `select * from tags where (target = 'user' and key in (select value from json_each(@user)))
         or (target = 'alert' and key in (select value from json_each(@alert)))
         or (target = 'event' and key in (select value from json_each(@event)))
       order by target, key, tag`,
    )
    .all({ user: JSON.stringify(keys.user), alert: JSON.stringify(keys.alert), event: JSON.stringify(keys.event) }) as TagRow[]
  return rows.map(toTag)
}
