import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Labels } from '../eval/labels'
import { scenarioNames } from './attacks/scenario'
import { dateOf, parseDate } from './calendar'
import { type GenerateResult, generateOrganisation } from './generate'

const start = parseDate('2024-03-04') as number
const folder = mkdtempSync(join(tmpdir(), 'argus-generate-'))
let first: GenerateResult

function generate(name: string, seed: number): GenerateResult {
  return generateOrganisation({ users: 12, days: 10, directory: join(folder, name), seed, start })
}

/** Relative path → SHA-256 of every file under `directory`. */
function hashes(directory: string): Record<string, string> {
  const result: Record<string, string> = {}
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name))
    else result[relative(directory, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  visit(directory)
  return result
}

function text(name: string, path: string): string {
  return readFileSync(join(folder, name, path), 'utf8')
}

beforeAll(() => {
  first = generate('a', 5)
})

afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('generateOrganisation', () => {
  it('writes the same bytes for the same seed, and others for another seed', () => {
    generate('b', 5)
    generate('c', 6)
    const a = hashes(join(folder, 'a'))
    expect(Object.keys(a).length).toBe(15)
    expect(hashes(join(folder, 'b'))).toEqual(a)
    const c = hashes(join(folder, 'c'))
    expect(c['logs/auth.log']).not.toBe(a['logs/auth.log'])
    expect(c['labels.json']).not.toBe(a['labels.json'])
  })

  it('returns the labels it wrote, with every scenario on a small organisation', () => {
    const labels = JSON.parse(text('a', 'labels.json')) as Labels
    expect(labels).toEqual(first.labels)
    expect(labels.users).toHaveLength(12)
    expect(new Set(labels.attacks.map((attack) => attack.scenario))).toEqual(new Set(scenarioNames))
    // Each attacked user is attacked once.
    expect(new Set(labels.attacks.map((attack) => attack.user)).size).toBe(labels.attacks.length)
  })

  it('keeps attack days inside the range and after the clean start', () => {
    const last = dateOf(start + 9 * 86_400_000)
    expect(first.labels.start).toBe('2024-03-04')
    expect(first.labels.end).toBe(last)
    for (const attack of first.labels.attacks) {
      expect(attack.days.length).toBeGreaterThan(0)
      for (const day of attack.days) {
        expect(day >= '2024-03-06' && day <= last, `${attack.scenario} on ${day}`).toBe(true)
      }
    }
  })

  it('puts every attacked user in the directory and in each file their attack wrote to', () => {
    const directory = text('a', 'logs/cert/LDAP/2024-03.csv').toLowerCase()
    const psychometric = text('a', 'logs/cert/psychometric.csv').toLowerCase()
    for (const attack of first.labels.attacks) {
      expect(first.labels.users).toContain(attack.user)
      expect(directory).toContain(`,${attack.user},`)
      expect(psychometric).toContain(`,${attack.user},`)
      expect(attack.sources?.length).toBeGreaterThan(0)
      for (const source of attack.sources ?? []) {
        // CERT tables write the id upper-case, the other formats lower-case.
        expect(text('a', source).toLowerCase(), `${attack.user} in ${source}`).toContain(attack.user)
      }
    }
  })

  it('gives ordinary users days of different sizes, and quieter weekends', () => {
    const attacked = new Set(first.labels.attacks.map((attack) => attack.user))
    const perDay = new Map<string, Map<string, number>>()
    for (const line of text('a', 'logs/ecs/web.ndjson').split('\n')) {
      const match = /"@timestamp":"(\d{4}-\d{2}-\d{2})T.*?"user":\{"name":"([^"]+)"/.exec(line)
      if (!match) continue
      const [, date, user] = match as unknown as [string, string, string]
      const days = perDay.get(user) ?? new Map<string, number>()
      perDay.set(user, days.set(date, (days.get(date) ?? 0) + 1))
    }
    const ordinary = [...perDay].filter(([user]) => !attacked.has(user))
    expect(ordinary.length).toBeGreaterThan(0)
    for (const [user, days] of ordinary) {
      const weekdays = [...days].filter(([date]) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())).map(([, count]) => count)
      const mean = weekdays.reduce((sum, count) => sum + count, 0) / weekdays.length
      const spread = Math.sqrt(weekdays.reduce((sum, count) => sum + (count - mean) ** 2, 0) / weekdays.length)
      expect(spread / mean, `${user}: ${weekdays.join(' ')}`).toBeGreaterThan(0.1)
    }
    const weekendTotal = [...perDay.values()].reduce((sum, days) => sum + (days.get('2024-03-09') ?? 0) + (days.get('2024-03-10') ?? 0), 0)
    const weekdayTotal = [...perDay.values()].reduce((sum, days) => sum + (days.get('2024-03-05') ?? 0) + (days.get('2024-03-06') ?? 0), 0)
    expect(weekendTotal * 3).toBeLessThan(weekdayTotal)
  })

  it('reports the rows and bytes of every file it wrote', () => {
    for (const file of first.files) {
      expect(file.rows, file.path).toBeGreaterThan(0)
      expect(file.bytes, file.path).toBe(statSync(join(folder, 'a', file.path)).size)
      // Rows are data rows: a CSV's header is not one.
      const lines = text('a', file.path).split('\n').length - 1
      expect(file.rows, file.path).toBe(file.path.endsWith('.csv') ? lines - 1 : lines)
    }
  })
})
