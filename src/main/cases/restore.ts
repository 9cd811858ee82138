import BetterSqlite3 from 'better-sqlite3'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { ArgusError } from '../../shared/errors'
import { migrations } from '../store/migrations'
import { appendAudit, verifyAuditChain, type ChainCheck } from '../store/queries/audit'
import { analystName } from './analyst'
import { besideTemporary } from './backup'

export interface RestoreResult {
  path: string
  schemaVersion: string
  events: number
  /** The restored chain, the entry recording the restore included. */
  audit: ChainCheck
}

const workspaceTables = ['kysely_migration', 'sources', 'events', 'settings', 'audit_log']

/** The source's migrations; refuses a file that is not an Argus workspace or is newer than this Argus. */
function appliedMigrations(sqlite: BetterSqlite3.Database, source: string): string[] {
  let tables: string[]
  try {
    tables = (sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((row) => row.name)
  } catch (error) {
    throw new ArgusError('bad_request', `${source} is not an Argus workspace: ${(error as Error).message}`)
  }
  const missing = workspaceTables.filter((table) => !tables.includes(table))
  if (missing.length > 0) throw new ArgusError('bad_request', `${source} is not an Argus workspace (no ${missing.join(', ')} table)`)
  const applied = (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((row) => row.name)
  const unknown = applied.filter((name) => !(name in migrations))
  if (unknown.length > 0) throw new ArgusError('bad_request', `${source} was made by a newer Argus (migration ${unknown.join(', ')}); upgrade Argus first`)
  if (applied.length === 0) throw new ArgusError('bad_request', `${source} is not an Argus workspace (no migrations applied)`)
  return applied
}

/**
 * Makes sure nothing else has the target open: the last connection to close a WAL database
 * folds the log back in and deletes it, so a log that survives our close belongs to someone else.
 */
function releaseTarget(target: string): void {
  if (!existsSync(target)) return
  try {
    const sqlite = new BetterSqlite3(target, { fileMustExist: true })
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      sqlite.close()
    }
  } catch {
    // Not a database (a damaged workspace is what one restores over): replaced as it is.
  }
  if (existsSync(`${target}-wal`)) throw new ArgusError('not_available', `${target} is open in another program; close it first`)
}

/**
 * Replaces the workspace at `target` with the backup `source`, atomically: an online copy to a
 * temporary file beside the target, checked (integrity, schema version) and audited there, then
 * renamed over the target. A failure at any step leaves the target as it was.
 */
export async function restoreWorkspace(source: string, target: string): Promise<RestoreResult> {
  const from = resolve(source)
  const path = resolve(target)
  if (from === path) throw new ArgusError('bad_request', 'a workspace cannot be restored onto itself')
  let input: BetterSqlite3.Database
  try {
    input = new BetterSqlite3(from, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new ArgusError('not_found', `cannot open ${from}: ${(error as Error).message}`)
  }
  const copy = besideTemporary(path, 'restore')
  try {
    try {
      appliedMigrations(input, from)
      // The online backup reads a consistent snapshot, including what still sits in the source's WAL.
      await input.backup(copy)
    } finally {
      input.close()
    }
    const restored = new BetterSqlite3(copy, { fileMustExist: true })
    let result: Omit<RestoreResult, 'path'>
    try {
      const integrity = restored.pragma('integrity_check', { simple: true })
      if (integrity !== 'ok') throw new ArgusError('bad_request', `${from} is damaged: ${String(integrity)}`)
      const schemaVersion = appliedMigrations(restored, from).at(-1)!
      appendAudit(restored, { actor: analystName(restored), action: 'workspace.restore', details: { from, to: path } })
      const { events } = restored.prepare('select coalesce(sum(events), 0) as events from sources').get() as { events: number }
      result = { schemaVersion, events, audit: verifyAuditChain(restored) }
      restored.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      restored.close()
    }
    releaseTarget(path)
    rmSync(`${copy}-wal`, { force: true })
    rmSync(`${copy}-shm`, { force: true })
    renameSync(copy, path)
    return { path, ...result }
  } finally {
    rmSync(copy, { force: true })
  }
}
