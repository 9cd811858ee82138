import { statSync } from 'node:fs'
import type { WorkspaceInfo } from '../../../shared/contract'
import { appliedMigrations, type Workspace } from '../database'
import { readSetting } from './settings'

export const defaultTimeZone = 'UTC'

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
    timeZone: readSetting(sqlite, 'workspace.timeZone', defaultTimeZone),
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
