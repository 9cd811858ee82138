import type { ScoringSummary } from '../../shared/scoring-schemas'
import type { EventBus } from '../api/event-bus'
import type { Workspace } from '../store/database'
import type { WorkerPool } from '../workers/pool'

export interface ScoringService {
  /** Scores the whole workspace in a worker; a call during a run waits for one more run after it. */
  run(): Promise<ScoringSummary>
  /** Asks for a run soon (after imports), coalescing bursts of requests into one run. */
  schedule(): void
  close(): Promise<void>
}

const scheduleDelayMs = 500

export function createScoringService(workspace: Workspace, pool: WorkerPool, bus: EventBus): ScoringService {
  let current: Promise<ScoringSummary> | null = null
  let next: Promise<ScoringSummary> | null = null
  let timer: NodeJS.Timeout | null = null

  async function runOnce(): Promise<ScoringSummary> {
    const { summary, newAlerts } = await pool.run(
      { kind: 'score', workspacePath: workspace.path },
      // Pinned: the worker keeps the last run's state, so new events are scored on their own.
      { onProgress: (progress) => bus.emit('scoring:progress', progress), pinned: true },
    )
    bus.emit('scoring:finished', summary)
    for (const alert of newAlerts) bus.emit('alerts:new', alert)
    return summary
  }

  function run(): Promise<ScoringSummary> {
    if (!current) {
      current = runOnce().finally(() => {
        current = null
      })
      return current
    }
    // Data changed while scoring: one more run after this one sees it; later callers share it.
    next ??= current.catch(() => undefined).then(() => {
      next = null
      return run()
    })
    return next
  }

  return {
    run,
    schedule() {
      if (workspace.readOnly) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        run().catch((error: unknown) => console.error('[argus] scoring failed:', error))
      }, scheduleDelayMs)
    },
    async close() {
      if (timer) clearTimeout(timer)
      await (next ?? current)?.catch(() => undefined)
    },
  }
}
