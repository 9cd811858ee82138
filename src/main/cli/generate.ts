import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseDate } from '../generate/calendar'
import { generateOrganisation, logsFolder } from '../generate/generate'
import { UsageError } from './usage'

export const generateOptions = {
  users: { type: 'string' },
  days: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  start: { type: 'string' },
} as const

export const defaultStart = '2024-03-04'

function wholeNumber(value: unknown, name: string, low: number, high: number): number {
  const number = Number(value)
  if (value === undefined || !Number.isInteger(number) || number < low || number > high) {
    throw new UsageError(`${name} must be a whole number from ${low} to ${high}, got '${String(value)}'`)
  }
  return number
}

/**
 * `argus generate --users N --days D --out DIR [--seed S] [--start YYYY-MM-DD]`: writes a
 * synthetic organisation's logs (auth.log, ECS JSON, CERT tables, transactions) to DIR/logs and
 * the attacks hidden in them to DIR/labels.json. The same arguments give the same bytes.
 */
export async function runGenerate(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`generate takes no paths, got '${positionals.join(' ')}' (use --out DIR)`)
  const users = wholeNumber(values.users, '--users', 2, 50_000)
  const days = wholeNumber(values.days, '--days', 5, 3650)
  const seed = values.seed === undefined ? 1 : wholeNumber(values.seed, '--seed', 0, 2 ** 32 - 1)
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('generate needs --out DIR')
  const startText = typeof values.start === 'string' ? values.start : defaultStart
  const start = parseDate(startText)
  if (start === null) throw new UsageError(`--start must be a date such as ${defaultStart}, got '${startText}'`)
  const logs = join(values.out, logsFolder)
  // Old files from a bigger run would be imported with the new ones and contradict the labels.
  if (existsSync(logs) && readdirSync(logs).length > 0) throw new UsageError(`${logs} already holds files; choose a new --out folder or empty it`)

  const began = performance.now()
  const result = generateOrganisation({ users, days, directory: values.out, seed, start })
  const seconds = (performance.now() - began) / 1000
  let rows = 0
  let bytes = 0
  for (const file of result.files) {
    rows += file.rows
    bytes += file.bytes
    console.log(`${file.format.padEnd(16)} ${String(file.rows).padStart(10)} rows ${(file.bytes / 1e6).toFixed(1).padStart(8)} MB  ${join(values.out, file.path)}`)
  }
  const attacked = new Set(result.labels.attacks.map((attack) => attack.user)).size
  console.log(`${users} users over ${days} days from ${startText} (seed ${seed}): ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`)
  console.log(`${result.labels.attacks.length} attacks on ${attacked} users: ${join(values.out, 'labels.json')}`)
  console.log(`next: argus analyze ${logs} --db FILE, then argus eval --labels ${join(values.out, 'labels.json')} --db FILE`)
  return 0
}
