import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openWorkspace } from '../../src/main/store/database'
import { addImport } from '../../src/main/store/test-workspace'

export interface ServedWorkspace {
  /** The URL `argus serve` printed, token included. */
  url: string
  origin: string
  stop(): Promise<void>
}

/** A few days of events so the pages have something real to show. */
async function seed(file: string): Promise<void> {
  const workspace = await openWorkspace(file)
  const day = 86_400_000
  const start = Date.UTC(2024, 5, 3, 8)
  const users = ['alice', 'bob', 'carol']
  const events = Array.from({ length: 60 }, (_, index) => ({
    ts: start + Math.floor(index / 12) * day + (index % 12) * 1_800_000,
    user: users[index % 3] ?? 'alice',
    host: `ws-${(index % 4) + 1}`,
    srcIp: `10.0.0.${(index % 7) + 10}`,
    category: 'authentication' as const,
    action: index % 9 === 0 ? 'logon_failed' : 'logon',
    outcome: index % 9 === 0 ? ('failure' as const) : ('success' as const),
  }))
  addImport(workspace, '/evidence/auth.log', events)
  await workspace.close()
}

/** Starts the real built CLI, `argus serve`, on a free port against a fresh seeded workspace. */
export async function startArgusServe(options: { seed?: boolean } = {}): Promise<ServedWorkspace> {
  const folder = mkdtempSync(join(tmpdir(), 'argus-e2e-'))
  const file = join(folder, 'e2e.db')
  if (options.seed ?? true) await seed(file)
  return serveWorkspace(file, folder)
}

/**
 * `argus serve` against a workspace the real CLI generated and analyzed: a synthetic organisation
 * with injected attacks, scored, with alerts (60 users over 30 days take some 15 s to build).
 */
export async function startAnalyzedServe(options: { users?: number; days?: number; seed?: number } = {}): Promise<ServedWorkspace> {
  const folder = mkdtempSync(join(tmpdir(), 'argus-e2e-analyzed-'))
  const file = join(folder, 'analyzed.db')
  const run = promisify(execFile)
  const organisation = join(folder, 'org')
  const { users = 60, days = 30, seed = 5 } = options
  try {
    await run(process.execPath, ['bin/argus.js', 'generate', '--users', String(users), '--days', String(days), '--out', organisation, '--seed', String(seed)])
    await run(process.execPath, ['bin/argus.js', 'analyze', join(organisation, 'logs'), '--db', file], { maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    rmSync(folder, { recursive: true, force: true })
    throw error
  }
  // The logs are not needed once imported.
  rmSync(organisation, { recursive: true, force: true })
  return serveWorkspace(file, folder)
}

/** Starts the real built CLI, `argus serve`, on a free port; stopping it deletes `folder`. */
async function serveWorkspace(file: string, folder: string): Promise<ServedWorkspace> {
  const child: ChildProcess = spawn(process.execPath, ['bin/argus.js', 'serve', '--db', file, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`argus serve printed no URL:\n${output}`)), 20_000)
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`argus serve exited with ${code}:\n${output}`)))
  })
  return {
    url,
    origin: new URL(url).origin,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
