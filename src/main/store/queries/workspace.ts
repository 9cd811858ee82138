import { statSync } from 'node:fs'
import type { WorkspaceInfo } from '../../../shared/contract'
import { appliedMigrations, type Workspace } from '../database'
import { readSetting } from './settings'

export const defaultTimeZone = 'UTC'

export async function workspaceInfo(workspace: Workspace): Promise<WorkspaceInfo> {
  const { sqlite } = workspace
  const count = (table: string): number =>
    (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const applied = await appliedMigrations(workspace.db)
  return {
    path: workspace.path,
    readOnly: workspace.readOnly,
    sizeBytes: fileSize(workspace.path) + fileSize(`${workspace.path}-wal`),
    schemaVersion: applied.at(-1) ?? 'none',
    createdAt: readSetting(sqlite, 'workspace.createdAt', 0),
    timeZone: readSetting(sqlite, 'workspace.timeZone', defaultTimeZone),
    counts: { events: count('events'), sources: count('sources'), rejects: count('rejects') },
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
