import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ScoringSummary } from '../../shared/scoring-schemas'
import { createEventBus } from '../api/event-bus'
import { openTestEngine } from '../api/test-engine'
import { generateOrganisation } from '../generate/generate'
import { openWorkspace } from '../store/database'
import { addImport, folderPerTest } from '../store/test-workspace'
import { createWorkerPool } from '../workers/pool'
import { forgetCheckpoint, scoreWorkspace } from './score-workspace'
import { createScoringService } from './scoring-service'

// The service behind live scoring: new events are scored on their own at once, and when they
// fall in the weeks peer groups are fitted on, a full run follows by itself.

const folder = folderPerTest()
const dayMs = 86_400_000

async function scoredDays(path: string): Promise<unknown[]> {
  const workspace = await openWorkspace(path, { readOnly: true })
  try {
    return workspace.sqlite.prepare('select user, date, risk, severity, types from user_days order by user, date').all()
  } finally {
    await workspace.close()
  }
}

describe('scoring service', () => {
  it('settles an incremental run inside the first three weeks with a full run of its own', async () => {
    generateOrganisation({ users: 40, days: 12, directory: folder.path, seed: 6, start: Date.UTC(2024, 2, 4) })
    const { engine, dispose } = await openTestEngine('cli')
    let events
    try {
      expect((await engine.imports.start({ paths: [join(folder.path, 'logs')] }).done).state).toBe('done')
      await engine.scoring.run({ full: true })
      events = engine.workspace.sqlite.prepare('select ts, user, host, src_ip as srcIp, dst_ip as dstIp, category, action, outcome, object, bytes, amount from events order by id').all() as { ts: number }[]
    } finally {
      await dispose()
    }
    const cut = Math.floor(Math.max(...events.map((event) => event.ts)) / dayMs) * dayMs - 1.5 * dayMs

    const whole = await openWorkspace(folder.file('whole.db'))
    addImport(whole, 'all.log', events)
    await whole.close()
    forgetCheckpoint()
    scoreWorkspace(folder.file('whole.db'), { report: () => undefined })
    forgetCheckpoint()

    const growing = await openWorkspace(folder.file('growing.db'))
    const pool = createWorkerPool({ size: 1 })
    const bus = createEventBus()
    const scoring = createScoringService(growing, pool, bus, { settleDelayMs: 200 })
    try {
      addImport(growing, 'older.log', events.filter((event) => event.ts < cut))
      expect(await scoring.run()).toMatchObject({ incremental: false, settled: true })
      const finished: ScoringSummary[] = []
      const settledRun = new Promise<ScoringSummary>((resolve) => {
        bus.on('scoring:finished', (summary) => {
          finished.push(summary)
          if (summary.settled) resolve(summary)
        })
      })
      addImport(growing, 'newer.log', events.filter((event) => event.ts >= cut))
      expect(await scoring.run()).toMatchObject({ incremental: true, settled: false })
      expect(await scoredDays(growing.path)).not.toEqual(await scoredDays(folder.file('whole.db')))
      // Nobody asked again: the service's own full run brings the numbers to a full run's.
      expect(await settledRun).toMatchObject({ incremental: false, settled: true })
      expect(finished).toHaveLength(2)
      expect(await scoredDays(growing.path)).toEqual(await scoredDays(folder.file('whole.db')))
    } finally {
      await scoring.close()
      await pool.close()
      await growing.close()
    }
  }, 120_000)
})
