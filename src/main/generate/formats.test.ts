// The generator's files read back through the real parsers: detected as the intended format,
// no rejects, and each attack still visible in the normalized events.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { detectFormat, makeSample } from '../ingest/detect'
import { parsers } from '../parsers'
import type { LogParser, ParseOutcome } from '../parsers/types'
import { dateOf, parseDate } from './calendar'
import { type GenerateResult, generateOrganisation } from './generate'

const folder = mkdtempSync(join(tmpdir(), 'argus-formats-'))
// Two small organisations whose victims between them take every variant of every attack (the
// test below says so, and fails when a change to the generator shifts them).
const organisations = [
  { name: 'wide', users: 40, days: 12, seed: 2, perScenario: 3 },
  { name: 'small', users: 12, days: 10, seed: 42, perScenario: 1 },
]
const results: GenerateResult[] = []
const events: NormalizedEvent[] = []
const formats = new Map<string, { expected: string; format: string; rejects: string[]; events: number; rows: number; profiles: number }>()

function collect(outcome: ParseOutcome, into: { rejects: string[]; events: number; profiles: number }, line: string): void {
  if (outcome === null) return
  if (Array.isArray(outcome)) {
    events.push(...outcome)
    into.events += outcome.length
  } else if ('reject' in outcome) into.rejects.push(`${outcome.reject}: ${line.slice(0, 120)}`)
  else if ('fileError' in outcome) into.rejects.push(outcome.fileError)
  else if ('profile' in outcome) into.profiles++
  else {
    events.push(outcome)
    into.events++
  }
}

beforeAll(() => {
  for (const organisation of organisations) {
    const directory = join(folder, organisation.name)
    const result = generateOrganisation({ ...organisation, directory, start: parseDate('2024-05-06') as number })
    results.push(result)
    for (const file of result.files) readBack(join(directory, file.path), file)
  }
})

function readBack(path: string, file: { format: string; rows: number }): void {
  const bytes = readFileSync(path)
  const detection = detectFormat(parsers, makeSample(path, bytes.subarray(0, 65536)))
  const parser = 'parser' in detection ? (detection.parser as LogParser) : null
  const entry = { expected: file.format, rows: file.rows, format: parser?.name ?? 'none', rejects: [] as string[], events: 0, profiles: 0 }
  formats.set(path, entry)
  if (parser === null) return
  const reader = parser.open({ name: path, year: null, fileTime: null, timeZone: 'UTC' })
  bytes
    .toString('utf8')
    .split('\n')
    // The JSON framer hands over values, never the empty text after the last newline.
    .forEach((line, index) => line !== '' && collect(reader.parse(line, index + 1), entry, line))
  if (reader.finish) collect(reader.finish(), entry, '')
}

afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The attacked user's events on one attack day (workspace days are UTC, like the generator's). */
function eventsOf(user: string, date: string): NormalizedEvent[] {
  return events.filter((event) => event.user === user && dateOf(event.ts) === date)
}

describe('generated files through the parsers', () => {
  it('are detected as the format they were written as, with no rejects', () => {
    expect(formats.size).toBe(28)
    for (const [path, entry] of formats) {
      expect(entry.format, path).toBe(entry.expected)
      expect(entry.rejects, path).toEqual([])
      expect(entry.events + entry.profiles, path).toBeGreaterThanOrEqual(entry.rows)
    }
  })

  it('cover every variant of every attack', () => {
    const variants = new Set(results.flatMap((result) => result.labels.attacks.map((attack) => `${attack.scenario}:${attack.variant}`)))
    for (const variant of ['brute_force_takeover:ssh', 'brute_force_takeover:vpn', 'privilege_escalation:linux', 'privilege_escalation:windows', 'transaction_velocity:burst', 'transaction_velocity:structuring']) {
      expect(variants, variant).toContain(variant)
    }
  })

  it('keep every attack visible in the normalized events', () => {
    for (const attack of results.flatMap((result) => result.labels.attacks)) {
      const day = eventsOf(attack.user, attack.days[0] as string)
      const all = attack.days.flatMap((date) => eventsOf(attack.user, date))
      const where = `${attack.scenario} (${attack.variant}) of ${attack.user} on ${attack.days.join(', ')}`
      switch (attack.scenario) {
        case 'brute_force_takeover': {
          const failures = day.filter((event) => event.outcome === 'failure' && event.category === 'authentication')
          const from = failures[0]?.srcIp
          expect(failures.length, where).toBeGreaterThanOrEqual(20)
          expect(day.some((event) => event.outcome === 'success' && event.srcIp === from && (event.action === 'ssh_accept' || event.action === 'logon')), where).toBe(true)
          break
        }
        case 'removable_media_exfiltration':
          expect(day.some((event) => event.action === 'device_connect'), where).toBe(true)
          expect(day.filter((event) => event.action === 'file_copy' && event.attrs.toRemovableMedia === true).length, where).toBeGreaterThanOrEqual(50)
          break
        case 'cloud_upload':
          expect(day.filter((event) => event.action === 'web_upload' && (event.bytes ?? 0) >= 20e6).length, where).toBeGreaterThanOrEqual(3)
          break
        case 'lateral_movement':
          expect(new Set(day.filter((event) => event.action === 'logon' || event.action === 'ssh_accept').map((event) => event.host)).size, where).toBeGreaterThanOrEqual(10)
          break
        case 'privilege_escalation': {
          const added = events.filter((event) => event.action === 'group_member_add' && event.attrs.targetUser === attack.user && dateOf(event.ts) === attack.days[0])
          expect(added.length, where).toBeGreaterThan(0)
          break
        }
        case 'transaction_velocity': {
          const transfers = all.filter((event) => event.action === 'transfer')
          const underThreshold = transfers.filter((event) => (event.amount ?? 0) >= 9000 && (event.amount ?? 0) < 10000)
          expect(attack.variant === 'burst' ? transfers.length >= 25 : underThreshold.length >= 3, where).toBe(true)
          break
        }
        case 'off_hours_spree': {
          const night = all.filter((event) => {
            const hour = new Date(event.ts).getUTCHours()
            return hour >= 22 || hour < 5
          })
          expect(night.length, where).toBeGreaterThanOrEqual(30)
          break
        }
        case 'departing_employee':
          expect(all.filter((event) => event.category === 'web' && /indeed|monster|glassdoor|careerbuilder|dice|ziprecruiter/.test(event.object ?? '')).length + all.filter((event) => String(event.attrs.url ?? '').includes('/jobs/')).length, where).toBeGreaterThan(0)
          break
        default:
          throw new Error(`no check for ${attack.scenario}`)
      }
    }
  })
})
