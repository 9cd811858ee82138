import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { generateOrganisation } from '../src/main/generate/generate'

// `npm run bench` (third part): each screen's contract calls against a workspace of about ten
// million generated events, through the real `argus serve` HTTP door the browser uses. Every call
// is repeated with varying arguments (other users, other pages); p50/p95 are over those runs.
// ARGUS_BENCH_SCREEN_USERS / _DAYS pick a smaller organisation for a quick look.

const folder = process.env.ARGUS_BENCH_DIR ?? join(tmpdir(), 'argus-bench-corpus')
const users = Number(process.env.ARGUS_BENCH_SCREEN_USERS ?? 1250)
const days = Number(process.env.ARGUS_BENCH_SCREEN_DAYS ?? 80)
const repeats = 40
const cli = resolve(import.meta.dirname, '..', 'bin', 'argus.js')
const number = (value: number): string => Math.round(value).toLocaleString('en-US')

function argus(...args: string[]): { stdout: string; seconds: number; peakMegabytes: number | null } {
  const started = performance.now()
  // GNU time reports the child's peak RSS where it is installed.
  const timed = existsSync('/usr/bin/time')
  const run = timed
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (run.status !== 0) throw new Error(`argus ${args.join(' ')} failed: ${run.stderr}`)
  const peak = /peak-rss-kb (\d+)/.exec(run.stderr)
  return { stdout: run.stdout, seconds: (performance.now() - started) / 1000, peakMegabytes: peak ? Number(peak[1]) / 1024 : null }
}

/** The workspace, built once and kept in the bench folder (rebuilding takes minutes). */
function workspace(): string {
  const organisation = join(folder, `org-${users}x${days}`)
  const db = join(folder, `screens-${users}x${days}.db`)
  if (existsSync(db) && existsSync(`${db}.ready`)) return db
  if (!existsSync(join(organisation, 'labels.json'))) generateOrganisation({ users, days, directory: organisation, seed: 7, start: Date.UTC(2024, 2, 4) })
  for (const suffix of ['', '-wal', '-shm', '.ready']) rmSync(db + suffix, { force: true })
  const ingest = argus('ingest', join(organisation, 'logs'), '--db', db)
  const score = argus('call', 'scoring:run', '--db', db)
  const summary = JSON.parse(score.stdout) as { events: number; userDays: number }
  console.log(`\nWorkspace: ${number(summary.events)} events, ${number(summary.userDays)} user-days, ${(statSync(db).size / 2 ** 30).toFixed(1)} GiB.`)
  console.log(`Ingest ${ingest.seconds.toFixed(0)} s (${number(summary.events / ingest.seconds)} events/s, peak RSS ${number(ingest.peakMegabytes ?? 0)} MB); full scoring ${score.seconds.toFixed(0)} s (${number(summary.events / score.seconds)} events/s, peak RSS ${number(score.peakMegabytes ?? 0)} MB).`)
  spawnSync('touch', [`${db}.ready`])
  return db
}

interface Served {
  call<T>(channel: string, input: unknown): Promise<T>
  stop(): void
}

async function serve(db: string): Promise<Served> {
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const address = await new Promise<URL>((done, fail) => {
    let output = ''
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/\S+)/.exec(output)
      if (match?.[1]) done(new URL(match[1]))
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => fail(new Error(`argus serve exited with ${code}:\n${output}`)))
  })
  const token = address.searchParams.get('token') ?? ''
  return {
    async call<T>(channel: string, input: unknown): Promise<T> {
      const response = await fetch(`${address.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      })
      const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
      if (!response.ok || !body.ok) throw new Error(`${channel}: ${body.error?.message ?? response.status}`)
      return body.value
    },
    stop: () => child.kill('SIGTERM'),
  }
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!
}

interface Screen {
  name: string
  /** The calls the screen makes when it opens, for the n-th visit. */
  calls(visit: number): [string, unknown][]
}

async function main(): Promise<void> {
  mkdirSync(folder, { recursive: true })
  const db = workspace()
  const server = await serve(db)
  try {
    const ranking = await server.call<{ items: { user: string }[] }>('users:listRisky', { limit: 1000 })
    const alerts = await server.call<{ items: { id: number }[] }>('alerts:list', { limit: 1000 })
    const secondPage = await server.call<{ nextCursor: unknown }>('users:listRisky', { limit: 100 })
    const userAt = (visit: number): string => ranking.items[(visit * 37) % ranking.items.length]!.user
    const alertAt = (visit: number): number => alerts.items[(visit * 13) % Math.max(1, alerts.items.length)]?.id ?? 1
    const screens: Screen[] = [
      {
        name: 'Dashboard',
        calls: () => [['workspace:info', {}], ['alerts:stats', {}], ['users:listRisky', { limit: 10 }], ['scoring:precision', {}], ['stats:eventsPerDay', {}], ['events:list', { limit: 50 }]],
      },
      {
        name: 'Users (first page, next page, filtered, search)',
        calls: (visit) => [['users:listRisky', { limit: 100 }], ['users:listRisky', { limit: 100, cursor: secondPage.nextCursor }], ['users:listRisky', { limit: 100, severity: 'low' }], ['users:listRisky', { limit: 100, search: userAt(visit).slice(0, 3) }]],
      },
      {
        name: 'User page',
        calls: (visit) => [['users:detail', { user: userAt(visit) }], ['events:list', { limit: 100, user: userAt(visit) }], ['stats:eventsPerDay', { user: userAt(visit) }], ['stats:weekHours', { user: userAt(visit) }]],
      },
      { name: 'Alerts', calls: (visit) => [['alerts:list', { limit: 100 }], ['alerts:list', { limit: 100, severity: 'high' }], ['alerts:detail', { id: alertAt(visit) }], ['alerts:stats', {}]] },
      { name: 'Settings', calls: () => [['scoring:settings', {}], ['scoring:rules', {}], ['scoring:playbook', {}], ['syslog:status', {}], ['workspace:info', {}]] },
      { name: 'Cases', calls: () => [['cases:list', { limit: 100 }], ['audit:verify', {}]] },
    ]
    console.log(`\nScreens on that workspace (\`argus serve\`, HTTP; each screen's calls in parallel as the page makes them; ${repeats} visits):\n`)
    console.log('| screen | calls | p50 ms | p95 ms | slowest call (p95 ms) |')
    console.log('| --- | --- | ---: | ---: | --- |')
    for (const screen of screens) {
      const screenTimes: number[] = []
      const callTimes = new Map<string, number[]>()
      for (let visit = 0; visit < repeats; visit++) {
        const started = performance.now()
        await Promise.all(
          screen.calls(visit).map(async ([channel, input]) => {
            const callStarted = performance.now()
            await server.call(channel, input)
            const list = callTimes.get(channel) ?? []
            list.push(performance.now() - callStarted)
            callTimes.set(channel, list)
          }),
        )
        screenTimes.push(performance.now() - started)
      }
      screenTimes.sort((first, second) => first - second)
      const slowest = [...callTimes].map(([channel, times]) => [channel, percentile(times.sort((first, second) => first - second), 0.95)] as const).sort((first, second) => second[1] - first[1])[0]!
      console.log(`| ${screen.name} | ${[...callTimes.keys()].join(', ')} | ${percentile(screenTimes, 0.5).toFixed(0)} | ${percentile(screenTimes, 0.95).toFixed(0)} | ${slowest[0]} (${slowest[1].toFixed(0)}) |`)
    }
  } finally {
    server.stop()
  }
}

await main()
