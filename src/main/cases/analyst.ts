import type BetterSqlite3 from 'better-sqlite3'
import { userInfo } from 'node:os'
import { readSetting } from '../store/queries/settings'

/**
 * Who is acting, for case rows, notes and audit entries. Argus has no login: the workspace's
 * `workspace.analyst` setting names the analyst, and the OS account stands in until it is set.
 */
export function analystName(sqlite: BetterSqlite3.Database): string {
  const configured = readSetting<string | null>(sqlite, 'workspace.analyst', null)
  if (typeof configured === 'string' && configured.trim() !== '') return configured.trim()
  try {
    return userInfo().username
  } catch {
    // Some containers run under a uid with no passwd entry.
    return 'analyst'
  }
}
