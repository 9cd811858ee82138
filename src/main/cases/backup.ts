import type BetterSqlite3 from 'better-sqlite3'
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ArgusError } from '../../shared/errors'
import { appendAudit, latestAuditHash } from '../store/queries/audit'
import { writeTransaction } from '../store/write-transaction'
import { analystName } from './analyst'

export interface BackupResult {
  path: string
  sizeBytes: number
  /** The audit head inside the copy: the entry that records this backup. */
  auditHead: string
}

/** The open workspace, as a backup needs it. */
export interface BackupSource {
  readonly path: string
  readonly sqlite: BetterSqlite3.Database
  readonly readOnly: boolean
}

function canonical(path: string): string {
  return existsSync(path) ? realpathSync(path) : path
}

/** A temporary name beside `path`, so the final rename never crosses file systems. */
export function besideTemporary(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${purpose}`)
}

/**
 * Copies the workspace with SQLite's online backup while the app keeps running (other
 * connections may write; the copy is one consistent snapshot). The audit entry goes in first so
 * the copy carries the record of its own making; a read-only workspace cannot record it.
 */
export async function backupWorkspace(workspace: BackupSource, target: string): Promise<BackupResult> {
  const path = resolve(target)
  const open = canonical(workspace.path)
  if ([open, `${open}-wal`, `${open}-shm`].includes(canonical(path))) {
    throw new ArgusError('bad_request', `refusing to back up the workspace onto itself (${path})`)
  }
  if (!existsSync(dirname(path))) throw new ArgusError('not_found', `no folder ${dirname(path)} for the backup`)
  const { sqlite } = workspace
  const auditHead = workspace.readOnly
    ? latestAuditHash(sqlite)
    : writeTransaction(sqlite, () => appendAudit(sqlite, { actor: analystName(sqlite), action: 'workspace.backup', details: { path } }))
  const partial = besideTemporary(path, 'backup')
  try {
    await sqlite.backup(partial)
    renameSync(partial, path)
  } catch (error) {
    throw new ArgusError('internal', `backup to ${path} failed: ${(error as Error).message}`)
  } finally {
    rmSync(partial, { force: true })
  }
  return { path, sizeBytes: statSync(path).size, auditHead }
}
