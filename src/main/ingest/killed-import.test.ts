import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../store/database'
import { folderPerTest } from '../store/test-workspace'

// A real process killed with SIGKILL halfway through an import, then the same import run again.
// Needs the built CLI (`npm run build`, which `npm test` runs first).

const cli = resolve(import.meta.dirname, '../../../bin/argus.js')
const built = existsSync(resolve(import.meta.dirname, '../../../out/main/cli.js'))
const folder = folderPerTest()

function bigAuthLog(path: string, lines: number): void {
  const parts: string[] = []
  for (let index = 0; index < lines; index += 1) {
    const second = String(index % 60).padStart(2, '0')
    parts.push(`Mar  3 10:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${second} web01 sshd[${index}]: Failed password for user${index % 50} from 10.0.${index % 250}.1 port 22 ssh2`)
  }
  writeFileSync(path, parts.join('\n') + '\nnot a syslog line\n')
}

async function counts(db: string): Promise<{ events: number; rejects: number; sources: number }> {
  const workspace = await openWorkspace(db)
  const count = (table: string): number => (workspace.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const result = { events: count('events'), rejects: count('rejects'), sources: count('sources') }
  await workspace.close()
  return result
}

describe('an import killed halfway', () => {
  it.skipIf(!built)('leaves nothing behind, and running it again gives the same counts as an uninterrupted run (needs the build)', async () => {
    const log = folder.file('auth.log')
    bigAuthLog(log, 400_000)
    const db = folder.file('killed.db')
    const child = spawn(process.execPath, [cli, 'ingest', log, '--db', db, '--year', '2024'], { stdio: 'ignore' })
    // Kill once the import's transaction has written a good part of the file into the WAL.
    await new Promise<void>((resolveKill, reject) => {
      const timer = setInterval(() => {
        const wal = `${db}-wal`
        if (existsSync(wal) && statSync(wal).size > 8 * 1024 * 1024) {
          clearInterval(timer)
          child.kill('SIGKILL')
          resolveKill()
        }
      }, 20)
      child.once('exit', (code) => {
        clearInterval(timer)
        reject(new Error(`the import finished (exit ${code}) before it could be killed; make the file bigger`))
      })
    })
    await new Promise((resolveExit) => child.once('exit', resolveExit))
    expect(await counts(db)).toEqual({ events: 0, rejects: 0, sources: 0 })

    const rerun = spawnSync(process.execPath, [cli, 'ingest', log, '--db', db, '--year', '2024'], { encoding: 'utf8' })
    expect(rerun.status).toBe(0)
    const clean = folder.file('clean.db')
    expect(spawnSync(process.execPath, [cli, 'ingest', log, '--db', clean, '--year', '2024']).status).toBe(0)
    expect(await counts(db)).toEqual(await counts(clean))
    expect(await counts(clean)).toEqual({ events: 400_000, rejects: 1, sources: 1 })
  }, 120_000)
})
