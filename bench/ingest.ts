import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openWorkspace } from '../src/main/store/database'
import { buildCorpus, type Corpus } from './corpus'

// `npm run bench`: ingest throughput and peak memory per format, through the real CLI (parse and
// insert in a worker), next to the ceiling measured in the same run: the same number of rows
// inserted by a bare prepared statement into the same indexed table, no parsing at all.

const events = Number(process.env.ARGUS_BENCH_EVENTS ?? 1_000_000)
const folder = process.env.ARGUS_BENCH_DIR ?? join(tmpdir(), 'argus-bench-corpus')
const samples = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'evtx-attack-samples')
const cli = resolve(import.meta.dirname, '..', 'bin', 'argus.js')

interface Row {
  name: string
  events: number
  seconds: number
  peakMb: number
  note: string
}

/**
 * The ceiling for one format: the very rows its import produced, read back and inserted again by a
 * bare prepared statement into a fresh workspace (same schema, indexes and connection settings),
 * with no reading, parsing or hashing at all.
 */
async function ceiling(importedDb: string): Promise<number> {
  const source = await openWorkspace(importedDb, { readOnly: true })
  const rows = source.sqlite
    .prepare('select ts, user, host, src_ip, dst_ip, category, action, outcome, object, bytes, amount, line_no, attrs from events order by id')
    .raw()
    .all() as unknown[][]
  await source.close()
  const file = join(folder, 'ceiling.db')
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const workspace = await openWorkspace(file)
  const { sqlite } = workspace
  const sourceId = Number(sqlite.prepare(`insert into sources (path, status, started_at) values ('ceiling', 'running', 0)`).run().lastInsertRowid)
  const insert = sqlite.prepare(
    `insert into events (ts, user, host, src_ip, dst_ip, category, action, outcome, object, bytes, amount, line_no, attrs, source_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const started = performance.now()
  sqlite.exec('begin')
  for (const row of rows) insert.run(...row, sourceId)
  sqlite.exec('commit')
  const seconds = (performance.now() - started) / 1000
  await workspace.close()
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  return rows.length / seconds
}

const database = join(folder, 'bench.db')

function ingest(corpus: Corpus, extra: string[] = []): Promise<Row> {
  const db = database
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })
  return new Promise((resolveRow, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cli, 'ingest', corpus.path, '--db', db, '--year', '2024', ...extra], { stdio: ['ignore', 'pipe', 'ignore'] })
    let output = ''
    let peakKb = 0
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
      } catch {
        // The process just ended.
      }
    }, 100)
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(poll)
      const seconds = (performance.now() - started) / 1000
      const summary = /(\d+) events, (\d+) rejects from (\d+) files/.exec(output)
      const imported = Number(summary?.[1] ?? 0)
      const formats = [...new Set([...output.matchAll(/^done\s+(\S+)/gm)].map((match) => match[1]))].join(', ')
      resolveRow({ name: corpus.name, events: imported, seconds, peakMb: peakKb / 1024, note: code === 0 ? formats : `exit ${code}` })
    })
  })
}

function tarGz(corpus: Corpus): Corpus {
  const archive = `${corpus.path}.tar.gz`
  if (!existsSync(archive)) spawnSync('tar', ['-czf', archive, '-C', folder, corpus.path.slice(folder.length + 1)])
  return { ...corpus, name: `${corpus.name} in .tar.gz`, path: archive }
}

async function main(): Promise<void> {
  mkdirSync(folder, { recursive: true })
  console.log(`Building the corpus in ${folder} (${events.toLocaleString('en-US')} events per format)…`)
  const corpora = await buildCorpus(folder, events, existsSync(samples) ? samples : null)
  console.log('Ceiling: the same rows inserted again by a bare prepared statement into the same indexed table.\n')
  console.log('| input | events | seconds | events/s | ceiling rows/s | of ceiling | peak RSS | parser |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
  const inputs = corpora[0] ? [...corpora, tarGz(corpora[0])] : corpora
  for (const input of inputs) {
    const row = await ingest(input)
    const rate = row.events / row.seconds
    const ceilingRate = await ceiling(database)
    const number = (value: number): string => Math.round(value).toLocaleString('en-US')
    console.log(
      `| ${row.name} | ${number(row.events)} | ${row.seconds.toFixed(1)} | ${number(rate)} | ${number(ceilingRate)} | ${Math.round((rate / ceilingRate) * 100)} % | ${Math.round(row.peakMb)} MB | ${row.note} |`,
    )
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true })
}

await main()
