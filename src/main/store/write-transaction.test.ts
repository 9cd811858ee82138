import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from './database'
import { readDefaultYear } from './queries/workspace'
import { setDefaultYear } from './queries/workspace-settings'
import { folderPerTest } from './test-workspace'

const folder = folderPerTest()

/**
 * Another thread's connection (a scoring run, an import) holds the write lock for `holdMs`, then
 * commits a write; resolves once the lock is held, with a promise for the commit.
 */
async function holdWriteLock(path: string, holdMs: number): Promise<{ committed: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     const Database = require('better-sqlite3')
     const sqlite = new Database(workerData.path)
     sqlite.exec('begin immediate')
     sqlite.prepare("insert into settings (key, value, updated_at) values ('test.holder', '1', 0)").run()
     parentPort.postMessage('locked')
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs)
     sqlite.exec('commit')
     sqlite.close()`,
    { eval: true, workerData: { path, holdMs } },
  )
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
  })
  const committed = new Promise<void>((resolve, reject) => {
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))))
    worker.once('error', reject)
  })
  return { committed }
}

describe('settings written while another connection writes', () => {
  it('wait for that writer instead of failing at once with SQLITE_BUSY', async () => {
    const workspace = await openWorkspace(folder.file('busy.db'))
    try {
      const { committed } = await holdWriteLock(workspace.path, 300)
      // Reads its current value first, then writes: a deferred transaction could not take the lock.
      setDefaultYear(workspace.sqlite, 2019, 'analyst')
      await committed
      expect(readDefaultYear(workspace.sqlite)).toBe(2019)
      const holder = workspace.sqlite.prepare("select value from settings where key = 'test.holder'").get() as { value: string } | undefined
      expect(holder?.value).toBe('1')
    } finally {
      await workspace.close()
    }
  })
})
