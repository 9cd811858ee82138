import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { IsolationForest } from 'ml-isolation-forest'
import { rocAuc } from '../src/main/eval/metrics'
import { generateOrganisation } from '../src/main/generate/generate'
import { fitIsolationForest, scoreMany } from '../src/main/scoring/isolation-forest'
import { createRandom } from '../src/main/scoring/random'

// `npm run bench` (second part): scoring end to end on a generated organisation, through the real
// CLI and worker, and the Isolation Forest against the `ml-isolation-forest` package on the same data.

const folder = process.env.ARGUS_BENCH_DIR ?? join(tmpdir(), 'argus-bench-corpus')
const cli = resolve(import.meta.dirname, '..', 'bin', 'argus.js')
const number = (value: number): string => Math.round(value).toLocaleString('en-US')

function argus(...args: string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (run.status !== 0) throw new Error(`argus ${args.join(' ')} failed: ${run.stderr}`)
  return run.stdout
}

/**
 * A digest of the generator's sources: the cached organisations are named by it, so a changed
 * generator makes new ones instead of scoring stale logs against fresh labels.
 */
function generatorDigest(): string {
  const sources = resolve(import.meta.dirname, '..', 'src', 'main', 'generate')
  const hash = createHash('sha256')
  for (const file of readdirSync(sources, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(file).update(readFileSync(join(sources, file)))
  }
  return hash.digest('hex').slice(0, 8)
}

function scoringEndToEnd(users: number, days: number): void {
  const organisation = join(folder, `org-${users}x${days}-${generatorDigest()}`)
  if (!existsSync(join(organisation, 'labels.json'))) {
    generateOrganisation({ users, days, directory: organisation, seed: 7, start: Date.UTC(2024, 2, 4) })
  }
  const db = `${organisation}.db`
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })
  argus('ingest', join(organisation, 'logs'), '--db', db)
  const summary = JSON.parse(argus('call', 'scoring:run', '--db', db)) as { events: number; userDays: number; users: number; seconds: number }
  const quality = JSON.parse(argus('eval', '--labels', join(organisation, 'labels.json'), '--db', db, '--json')) as { recallAtK: number; dayAuc: number; averagePrecision: number }
  console.log(
    `| ${users} users × ${days} days | ${number(summary.events)} | ${number(summary.userDays)} | ${summary.seconds.toFixed(1)} | ${number(summary.userDays / summary.seconds)} | ${number(summary.events / summary.seconds)} | ${(quality.recallAtK * 100).toFixed(0)} % | ${quality.averagePrecision.toFixed(3)} | ${quality.dayAuc.toFixed(3)} |`,
  )
}

/** Rows from a seeded Gaussian with 2 % far-off rows; labels mark those. */
function plantedData(rows: number, columns: number): { matrix: Float64Array[]; labels: boolean[] } {
  const random = createRandom(42)
  const matrix: Float64Array[] = []
  const labels: boolean[] = []
  for (let row = 0; row < rows; row += 1) {
    const anomaly = random.nextFloat() < 0.02
    const values = new Float64Array(columns)
    for (let column = 0; column < columns; column += 1) values[column] = random.nextGaussian() + (anomaly && column % 3 === 0 ? 4 : 0)
    matrix.push(values)
    labels.push(anomaly)
  }
  return { matrix, labels }
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = work()
  return { value, ms: performance.now() - started }
}

function isolationForests(rows: number, withPackage: boolean): void {
  const { matrix, labels } = plantedData(rows, 13)
  const fit = timed(() => fitIsolationForest(matrix, { seed: 1 }))
  const scored = timed(() => scoreMany(fit.value, matrix))
  console.log(`| Argus, 200 trees, ψ 256 | ${number(rows)} × 13 | ${number(fit.ms)} | ${number(scored.ms)} | ${rocAuc(Array.from(scored.value), labels).toFixed(3)} |`)
  if (!withPackage) return
  const plain = matrix.map((row) => Array.from(row))
  const reference = timed(() => {
    const forest = new IsolationForest({ nEstimators: 200 })
    forest.train(plain)
    return forest
  })
  const referenceScores = timed(() => reference.value.predict(plain) as number[])
  console.log(`| ml-isolation-forest 0.1.0, 200 trees | ${number(rows)} × 13 | ${number(reference.ms)} | ${number(referenceScores.ms)} | ${rocAuc(referenceScores.value, labels).toFixed(3)} |`)
}

mkdirSync(folder, { recursive: true })
console.log('\nScoring end to end (generated organisation, seed 7; `argus ingest`, then `scoring:run` in a worker):\n')
console.log('| organisation | events | user-days | seconds | user-days/s | events/s | recall@K | AP | user-day AUC |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
scoringEndToEnd(100, 30)
scoringEndToEnd(300, 45)
console.log('\nIsolation Forest, same data (2 % planted anomalies):\n')
console.log('| implementation | rows | fit ms | score ms | AUC |')
console.log('| --- | ---: | ---: | ---: | ---: |')
isolationForests(10_000, true)
isolationForests(70_000, process.env.ARGUS_BENCH_FULL === '1')
