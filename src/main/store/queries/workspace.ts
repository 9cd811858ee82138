import { statSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import type { WorkspaceInfo } from '../../../shared/contract'
import { appliedMigrations, type Workspace } from '../database'
import { readSetting } from './settings'

export const defaultTimeZone = 'UTC'

/** The zone whose calendar days scoring counts and offset-less times are read in. */
export function readTimeZone(sqlite: BetterSqlite3.Database): string {
  return readSetting(sqlite, 'workspace.timeZone', defaultTimeZone)
}

/** Whether someone set the zone (the default UTC included); until then a first import may read it from its logs. */
export function isTimeZoneChosen(sqlite: BetterSqlite3.Database): boolean {
  return readSetting<string | null>(sqlite, 'workspace.timeZone', null) !== null
}

/** The year imports give RFC 3164 lines when the request names none; null: each file's modification time decides. */
export function readDefaultYear(sqlite: BetterSqlite3.Database): number | null {
  return readSetting<number | null>(sqlite, 'imports.defaultYear', null)
}

export async function workspaceInfo(workspace: Workspace): Promise<WorkspaceInfo> {
  const { sqlite } = workspace
  // The sources table keeps each import's counts, so the KPI strip never counts ten million rows.
  const counts = sqlite
    .prepare(`select count(*) as sources, coalesce(sum(events), 0) as events, coalesce(sum(rejects), 0) as rejects from sources`)
    .get() as { sources: number; events: number; rejects: number }
  const applied = await appliedMigrations(workspace.db)
  return {
    path: workspace.path,
    readOnly: workspace.readOnly,
    sizeBytes: fileSize(workspace.path) + fileSize(`${workspace.path}-wal`),
    schemaVersion: applied.at(-1) ?? 'none',
    createdAt: readSetting(sqlite, 'workspace.createdAt', 0),
    timeZone: readTimeZone(sqlite),
    defaultYear: readDefaultYear(sqlite),
    counts,
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
