import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { openTestEngine } from '../api/test-engine'
import { generateOrganisation } from '../generate/generate'
import { openWorkspace, type Workspace } from '../store/database'
import { addImport, folderPerTest } from '../store/test-workspace'
import { forgetCheckpoint, scoreWorkspace } from './score-workspace'

// Incremental re-scoring must give exactly what a full run gives on the same events: the newest
// date is re-scored from the state the earlier dates left, and anything older forces a full run.

const folder = folderPerTest()
const quiet = { report: () => undefined }
const dayMs = 86_400_000

function readEvents(workspace: Workspace): NormalizedEvent[] {
  const rows = workspace.sqlite.prepare('select ts, user, host, src_ip, dst_ip, category, action, outcome, object, bytes, amount, attrs from events order by id').all() as Record<string, unknown>[]
  return rows.map((row) => ({
    ts: row.ts, user: row.user, host: row.host, srcIp: row.src_ip, dstIp: row.dst_ip, category: row.category, action: row.action, outcome: row.outcome,
    object: row.object, bytes: row.bytes, amount: row.amount, attrs: JSON.parse(row.attrs as string) as Record<string, unknown>,
  }) as NormalizedEvent)
}

function scoredDays(workspace: Workspace): unknown[] {
  return workspace.sqlite.prepare('select user, date, risk, severity, types, baseline, markov, iforest, rules, ocean from user_days order by user, date').all()
}

function ranking(workspace: Workspace): unknown[] {
  return workspace.sqlite.prepare('select user, risk, types, top_date from user_risk order by user').all()
}

describe('incremental scoring', () => {
  it('re-scores only from the open date, to the same numbers as a full run', async () => {
    // Longer than the three weeks peer groups are fitted on, so the late days cannot move them:
    // an incremental run keeps the groups of the last full run.
    generateOrganisation({ users: 16, days: 24, directory: folder.path, seed: 5, start: Date.UTC(2024, 2, 4) })
    const events = await importedEvents(join(folder.path, 'logs'))
    const last = Math.max(...events.map((event) => event.ts))
    // Up to noon two days before the end; the rest arrives later, as live syslog would bring it.
    const cut = Math.floor(last / dayMs) * dayMs - 2 * dayMs + dayMs / 2
    const older = events.filter((event) => event.ts < cut)
    const newer = events.filter((event) => event.ts >= cut)
    expect(older.length).toBeGreaterThan(1000)
    expect(newer.length).toBeGreaterThan(100)

    const growing = await openWorkspace(folder.file('growing.db'))
    const whole = await openWorkspace(folder.file('whole.db'))
    try {
      forgetCheckpoint()
      addImport(growing, 'older.log', older)
      expect(scoreWorkspace(growing.path, quiet).summary.incremental).toBe(false)
      addImport(growing, 'newer.log', newer)
      const before = Date.now()
      const second = scoreWorkspace(growing.path, quiet)
      expect(second.summary.incremental).toBe(true)
      // When the run began, for a client telling a run its change scheduled from one already under way.
      expect(second.summary.startedAt).toBeGreaterThanOrEqual(before)
      expect(second.summary.startedAt).toBeLessThanOrEqual(Date.now() - second.summary.seconds * 1000 + 1)

      forgetCheckpoint()
      addImport(whole, 'all.log', events)
      const full = scoreWorkspace(whole.path, quiet)
      expect(full.summary.incremental).toBe(false)
      expect(second.summary.userDays).toBe(full.summary.userDays)
      expect(scoredDays(growing)).toEqual(scoredDays(whole))
      expect(ranking(growing)).toEqual(ranking(whole))

      // Logs from before the open date change history: a full run, which agrees again.
      forgetCheckpoint()
      scoreWorkspace(growing.path, quiet)
      const late = { ...older[0]!, ts: older[0]!.ts + 60_000, action: 'logon' }
      addImport(growing, 'late.log', [late])
      expect(scoreWorkspace(growing.path, quiet).summary.incremental).toBe(false)
      addImport(whole, 'late.log', [late])
      forgetCheckpoint()
      scoreWorkspace(whole.path, quiet)
      expect(scoredDays(growing)).toEqual(scoredDays(whole))

      // A settings change is a full run too.
      growing.sqlite.prepare(`insert into settings (key, value, updated_at) values ('scoring.alertPercentile', '0.99', 0)`).run()
      expect(scoreWorkspace(growing.path, quiet).summary.incremental).toBe(false)

      // A user first seen after the first three weeks is grouped on their own first three: a new
      // user makes a full run, their next events an unsettled one; anyone else's are settled.
      const lastDay = Math.floor(last / dayMs) * dayMs
      const at = (user: string, hour: number): NormalizedEvent => ({ ...older[0]!, user, ts: lastDay + hour * 3_600_000 })
      addImport(growing, 'joiner.log', [at('late.joiner', 9)])
      expect(scoreWorkspace(growing.path, quiet).summary).toMatchObject({ incremental: false, settled: true })
      addImport(growing, 'colleague.log', [at(older[0]!.user!, 10)])
      expect(scoreWorkspace(growing.path, quiet).summary).toMatchObject({ incremental: true, settled: true })
      addImport(growing, 'joiner.log', [at('late.joiner', 11)])
      expect(scoreWorkspace(growing.path, quiet).summary).toMatchObject({ incremental: true, settled: false })
    } finally {
      forgetCheckpoint()
      await growing.close()
      await whole.close()
    }
  }, 120_000)

  it('calls a run unsettled when new events fall in the weeks peer groups are fitted on, until a full run', async () => {
    // Twelve days: the last day and a half lands inside everyone's first three weeks.
    generateOrganisation({ users: 40, days: 12, directory: folder.path, seed: 6, start: Date.UTC(2024, 2, 4) })
    const events = await importedEvents(join(folder.path, 'logs'))
    const cut = Math.floor(Math.max(...events.map((event) => event.ts)) / dayMs) * dayMs - 1.5 * dayMs
    const growing = await openWorkspace(folder.file('growing.db'))
    const whole = await openWorkspace(folder.file('whole.db'))
    try {
      forgetCheckpoint()
      addImport(whole, 'all.log', events)
      scoreWorkspace(whole.path, quiet)

      forgetCheckpoint()
      addImport(growing, 'older.log', events.filter((event) => event.ts < cut))
      expect(scoreWorkspace(growing.path, quiet).summary).toMatchObject({ incremental: false, settled: true })
      addImport(growing, 'newer.log', events.filter((event) => event.ts >= cut))
      expect(scoreWorkspace(growing.path, quiet).summary).toMatchObject({ incremental: true, settled: false })
      // The groups were fitted without the new days, so the numbers are not a full run's yet.
      expect(scoredDays(growing)).not.toEqual(scoredDays(whole))
      // Still unsettled with nothing new: the scores on file are the unsettled run's.
      expect(scoreWorkspace(growing.path, quiet).summary).toMatchObject({ incremental: true, settled: false })
      expect(scoreWorkspace(growing.path, { ...quiet, full: true }).summary).toMatchObject({ incremental: false, settled: true })
      expect(scoredDays(growing)).toEqual(scoredDays(whole))
      expect(ranking(growing)).toEqual(ranking(whole))
    } finally {
      forgetCheckpoint()
      await growing.close()
      await whole.close()
    }
  }, 120_000)
})

/** The events of `path` as the engine imports them. */
async function importedEvents(path: string): Promise<NormalizedEvent[]> {
  const { engine, dispose } = await openTestEngine('cli')
  try {
    expect((await engine.imports.start({ paths: [path] }).done).state).toBe('done')
    return readEvents(engine.workspace)
  } finally {
    await dispose()
  }
}
