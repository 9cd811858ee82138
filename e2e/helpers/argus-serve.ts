import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
