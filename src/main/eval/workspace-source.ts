import { openWorkspace } from '../store/database'
import { analyzedUsers } from '../store/queries/scores'
import { scoredSourceFromAnalysis, type ClosableScoredSource } from './scored-source'

/** The scored results stored in a workspace, read the same way `argus analyze --json` prints them. */
export async function openWorkspaceScores(workspacePath: string): Promise<ClosableScoredSource> {
  const workspace = await openWorkspace(workspacePath, { readOnly: true })
  try {
    const source = scoredSourceFromAnalysis({ users: analyzedUsers(workspace.sqlite) })
    return { ...source, close: () => undefined }
  } finally {
    await workspace.close()
  }
}
