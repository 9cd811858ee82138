import type { Health } from '../../shared/contract'
import { temporaryFolder } from '../store/test-workspace'
import { openEngine, type Engine } from './engine'

/** A real engine (SQLite file in a temp folder, one worker thread) for door tests. */
export async function openTestEngine(door: Health['door']): Promise<{ engine: Engine; dispose(): Promise<void> }> {
  const folder = temporaryFolder()
  const engine = await openEngine({ workspacePath: folder.file('workspace.db'), door, workerThreads: 1 })
  return {
    engine,
    async dispose() {
      await engine.close()
      folder.remove()
    },
  }
}
