import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../store/database'
import { addImport, folderPerTest } from '../store/test-workspace'
import { createWorkerPool, type WorkerPool } from './pool'

const folder = folderPerTest()
let pool: WorkerPool | null = null
afterEach(async () => {
  await pool?.close()
})

describe('worker pool', () => {
  it('counts events per day in a real worker thread, reporting progress', async () => {
    const file = folder.file('pool.db')
    const workspace = await openWorkspace(file)
    const day = 86_400_000
    const start = Date.UTC(2024, 2, 1)
    // 3 events on day 0, none on day 1, 2 on day 40: the gap must not produce empty days.
    addImport(workspace, 'a.log', [
      { ts: start + 1000 },
      { ts: start + 2000, user: 'alice' },
      { ts: start + day - 1 },
      { ts: start + 40 * day, user: 'alice' },
      { ts: start + 40 * day + 5 },
    ])
    await workspace.close()

    pool = createWorkerPool({ size: 1 })
    const progress: Array<[number, number]> = []
    const days = await pool.run(
      { kind: 'eventsPerDay', workspacePath: file },
      { onProgress: ({ done, total }) => progress.push([done, total]) },
    )
    expect(days).toEqual([
      { date: '2024-03-01', events: 3 },
      { date: '2024-04-10', events: 2 },
    ])
    expect(progress.at(-1)).toEqual([1, 1])
    expect(await pool.run({ kind: 'eventsPerDay', workspacePath: file, user: 'Alice' })).toEqual([
      { date: '2024-03-01', events: 1 },
      { date: '2024-04-10', events: 1 },
    ])
  })

  it('reports a failing job as a typed error and keeps the worker for the next job', async () => {
    pool = createWorkerPool({ size: 1 })
    await expect(
      pool.run({ kind: 'eventsPerDay', workspacePath: folder.file('does-not-exist.db') }),
    ).rejects.toMatchObject({ name: 'ArgusError', code: 'internal' })
    const file = folder.file('empty.db')
    await (await openWorkspace(file)).close()
    // The same (single) worker answers the next job: the failure did not kill it.
    expect(await pool.run({ kind: 'eventsPerDay', workspacePath: file })).toEqual([])
  })

  it('queues more jobs than workers and answers each one', async () => {
    const file = folder.file('queue.db')
    const workspace = await openWorkspace(file)
    addImport(workspace, 'b.log', [{ ts: Date.UTC(2024, 0, 5, 12) }])
    await workspace.close()
    pool = createWorkerPool({ size: 2 })
    const results = await Promise.all(
      Array.from({ length: 6 }, () => pool!.run({ kind: 'eventsPerDay', workspacePath: file })),
    )
    expect(results).toEqual(Array.from({ length: 6 }, () => [{ date: '2024-01-05', events: 1 }]))
  })
})
