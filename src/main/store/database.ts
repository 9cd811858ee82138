import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ArgusError } from '../../shared/errors'
import { migrations } from './migrations'
import { appendAudit } from './queries/audit'
import { writeSetting } from './queries/settings'
import type { Database } from './schema'

/** An open workspace: one SQLite file holding the whole investigation. */
export interface Workspace {
  readonly path: string
  readonly readOnly: boolean
  /** The raw connection, for hot loops (prepared statements inside one transaction). */
  readonly sqlite: BetterSqlite3.Database
  /** The typed query builder, for the queries people read. */
  readonly db: Kysely<Database>
  close(): Promise<void>
}

export interface OpenOptions {
  readOnly?: boolean
  /** Path of the Electron-built native addon; the Node build is used when absent. */
  nativeBinding?: string
}

export async function openWorkspace(file: string, options: OpenOptions = {}): Promise<Workspace> {
  const path = resolve(file)
  const readOnly = options.readOnly ?? false
  if (!readOnly) mkdirSync(dirname(path), { recursive: true })
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(path, {
      readonly: readOnly,
      fileMustExist: readOnly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    })
  } catch (error) {
    throw new ArgusError('not_found', `cannot open workspace ${path}: ${(error as Error).message}`)
  }
  configure(sqlite, readOnly)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const workspace: Workspace = {
    path,
    readOnly,
    sqlite,
    db,
    async close() {
      await db.destroy() // closes `sqlite` too
    },
  }
  if (readOnly) return workspace
  try {
    const created = await migrateToLatest(db)
    if (created) {
      sqlite.transaction(() => {
        writeSetting(sqlite, 'workspace.createdAt', Date.now())
        appendAudit(sqlite, { actor: 'system', action: 'workspace.create', details: { path } })
      })()
    }
  } catch (error) {
    await workspace.close()
    throw error
  }
  return workspace
}

/** 64 MiB of page cache: index inserts land all over three B-trees, and the default 2 MiB thrashes. */
const cachePragma = 'cache_size = -65536'

function configure(sqlite: BetterSqlite3.Database, readOnly: boolean): void {
  sqlite.pragma(cachePragma)
  if (!readOnly) {
    sqlite.pragma('journal_mode = WAL')
    // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commit.
    sqlite.pragma('synchronous = NORMAL')
  }
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
}

/** Applies pending migrations; returns true when the workspace was new. */
export async function migrateToLatest(db: Kysely<Database>): Promise<boolean> {
  const before = await appliedMigrations(db)
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((step) => step.status === 'Error')
    const name = failed ? ` (${failed.migrationName})` : ''
    throw new ArgusError('internal', `workspace migration failed${name}: ${String(result.error)}`)
  }
  return before.length === 0
}

export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const all = await migrator.getMigrations()
  return all.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name)
}

/**
 * A worker's own connection to an existing workspace (a `Database` object cannot cross threads).
 * Writers may wait long for another writer's transaction: in a worker that blocks no UI.
 */
export function openWorkerConnection(path: string, options: { readOnly?: boolean; nativeBinding?: string | null } = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path, {
    readonly: options.readOnly ?? false,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  sqlite.pragma('busy_timeout = 600000')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(cachePragma)
  // Per connection, like the main one: in WAL mode NORMAL syncs at checkpoints, not every commit.
  if (!options.readOnly) sqlite.pragma('synchronous = NORMAL')
  return sqlite
}
