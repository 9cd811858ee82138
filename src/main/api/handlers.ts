import type { ArgusHandlers, Health } from '../../shared/contract'
import { listEvents } from '../store/queries/events'
import { listImports } from '../store/queries/sources'
import { workspaceInfo } from '../store/queries/workspace'
import type { Workspace } from '../store/database'
import type { WorkerPool } from '../workers/pool'
import type { EventBus } from './event-bus'
import { appVersion } from './version'

export interface EngineContext {
  workspace: Workspace
  pool: WorkerPool
  bus: EventBus
  door: Health['door']
  startedAt: number
}

/** The ArgusApi, implemented once for every door. */
export function createHandlers(context: EngineContext): ArgusHandlers {
  const { workspace, pool, bus } = context
  let nextJobId = 1
  return {
    async 'app:health'() {
      return {
        status: 'ok',
        version: appVersion,
        uptimeSeconds: (Date.now() - context.startedAt) / 1000,
        workerThreads: pool.size,
        door: context.door,
      }
    },
    'workspace:info': () => workspaceInfo(workspace),
    'imports:list': (query) => listImports(workspace.db, query),
    'events:list': (query) => listEvents(workspace.db, query),
    async 'stats:eventsPerDay'(query) {
      const jobId = nextJobId++
      const days = await pool.run(
        { kind: 'eventsPerDay', workspacePath: workspace.path, ...(query.user ? { user: query.user } : {}) },
        (done, total) => bus.emit('job:progress', { jobId, kind: 'eventsPerDay', done, total }),
      )
      return { timeZone: 'UTC', days }
    },
  }
}
