import type { ScoringSummary } from '../../shared/scoring-schemas'
import type { EventBus } from '../api/event-bus'
import type { Workspace } from '../store/database'
import type { WorkerPool } from '../workers/pool'

export interface ScoringService {
  /**
   * Scores the workspace in a worker (only the newest dates when the worker's last run allows it,
   * everything when `full`); a call during a run waits for one more run after it.
   */
  run(options?: { full?: boolean }): Promise<ScoringSummary>
  /** Asks for a run soon (after imports), coalescing bursts of requests into one run. */
  schedule(): void
  close(): Promise<void>
}

export interface ScoringServiceOptions {
  /** How long after an unsettled run (see `ScoringSummary.settled`) a full run follows. */
  settleDelayMs?: number
}

const scheduleDelayMs = 500
/**
 * Live syslog into a workspace younger than three weeks makes every run unsettled; its alerts are
 * pushed at once, and a full run this long after the first of them brings the numbers to what a
 * full run gives (once, however many batches arrived meanwhile).
 */
const settleDelayMs = 30_000

export function createScoringService(workspace: Workspace, pool: WorkerPool, bus: EventBus, options: ScoringServiceOptions = {}): ScoringService {
  let current: Promise<ScoringSummary> | null = null
  let next: Promise<ScoringSummary> | null = null
  let nextFull = false
  let timer: NodeJS.Timeout | null = null
  let settleTimer: NodeJS.Timeout | null = null

  async function runOnce(full: boolean): Promise<ScoringSummary> {
    const { summary, newAlerts } = await pool.run(
      { kind: 'score', workspacePath: workspace.path, full },
      // Pinned: the worker keeps the last run's state, so new events are scored on their own.
      { onProgress: (progress) => bus.emit('scoring:progress', progress), pinned: true },
    )
    bus.emit('scoring:finished', summary)
    for (const alert of newAlerts) bus.emit('alerts:new', alert)
    if (summary.settled) cancelSettling()
    else settleTimer ??= setTimeout(() => {
      settleTimer = null
      run({ full: true }).catch((error: unknown) => console.error('[argus] scoring failed:', error))
    }, options.settleDelayMs ?? settleDelayMs)
    return summary
  }

  function cancelSettling(): void {
    if (settleTimer) clearTimeout(settleTimer)
    settleTimer = null
  }

  function run({ full = false } = {}): Promise<ScoringSummary> {
    if (!current) {
      current = runOnce(full).finally(() => {
        current = null
      })
      return current
    }
    // Data changed while scoring: one more run after this one sees it; later callers share it.
    nextFull ||= full
    next ??= current.catch(() => undefined).then(() => {
      next = null
      const wanted = nextFull
      nextFull = false
      return run({ full: wanted })
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
      cancelSettling()
      await (next ?? current)?.catch(() => undefined)
    },
  }
}
