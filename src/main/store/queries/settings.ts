import type BetterSqlite3 from 'better-sqlite3'

/** Settings are small JSON values; synchronous so they can join any transaction. */
export function readSetting<T>(sqlite: BetterSqlite3.Database, key: string, fallback: T): T {
  const row = sqlite.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined
  return row ? (JSON.parse(row.value) as T) : fallback
}

export function writeSetting(sqlite: BetterSqlite3.Database, key: string, value: unknown, now = Date.now()): void {
  sqlite
    .prepare(
      `insert into settings (key, value, updated_at) values (?, ?, ?)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), now)
}

/** Forgets a setting, so readers fall back to their built-in default again. */
export function deleteSetting(sqlite: BetterSqlite3.Database, key: string): void {
  sqlite.prepare('delete from settings where key = ?').run(key)
}
