// The loghub Apache sample against its ground truth: every line parses, and its time, level and
// content agree with Apache_2k.log_structured.csv.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { apacheErrorParser } from './apache-error'
import { splitCsvRecord } from './csv-fields'
import { monthNumbers } from './time'

const here = fileURLToPath(import.meta.url)
const fixtures = resolve(here, '..', 'fixtures', 'web')
const repoRoot = resolve(here, '..', '..', '..', '..')
const apacheLog = resolve(repoRoot, '..', 'shared', 'data', 'loghub', 'Apache', 'Apache_2k.log')
const available = existsSync(apacheLog) && existsSync(`${apacheLog}_structured.csv`)

function parseLines(lines: readonly string[], timeZone = 'UTC'): ReturnType<ReturnType<typeof apacheErrorParser.open>['parse']>[] {
  const parser = apacheErrorParser.open({ name: 'error_log', year: null, fileTime: null, timeZone })
  return lines.map((line, index) => parser.parse(line, index + 1))
}

function fixtureLines(file: string): string[] {
  return readFileSync(resolve(fixtures, file), 'utf8').replace(/\n$/, '').split('\n')
}

describe('apacheErrorParser', () => {
  it('reads 2.4 lines: module, pid, client with port, microseconds', () => {
    const [first, second, third, fourth] = parseLines(fixtureLines('error-2.4.log'), 'Europe/Paris')
    expect(first).toEqual({
      ts: Date.UTC(2011, 8, 9, 8, 42, 29, 902),
      user: null,
      host: null,
      srcIp: '72.15.99.187',
      dstIp: null,
      category: 'web',
      action: 'web_error',
      outcome: 'failure',
      object: '/usr/local/apache2/htdocs/favicon.ico',
      bytes: null,
      amount: null,
      attrs: { level: 'error', module: 'core', pid: 35708, message: 'File does not exist: /usr/local/apache2/htdocs/favicon.ico' },
    })
    expect(second).toMatchObject({ outcome: 'unknown', srcIp: null, object: null, attrs: { level: 'notice', module: 'mpm_event', pid: 1 } })
    expect(third).toMatchObject({ srcIp: '2001:db8::7', object: '/usr/local/apache2/htdocs/admin', attrs: { module: 'authz_core', message: 'AH01630: client denied by server configuration: /usr/local/apache2/htdocs/admin' } })
    expect(fourth).toMatchObject({ ts: Date.UTC(2023, 2, 14, 7, 22, 0, 500), outcome: 'unknown', attrs: { level: 'warn', module: 'ssl' } })
  })

  it('reads 2.2 lines and rejects unknown levels', () => {
    const outcomes = parseLines(fixtureLines('error-2.2.log'))
    expect(outcomes[1]).toMatchObject({ srcIp: '192.0.2.77', outcome: 'failure', object: '/var/www/html/robots.txt', attrs: { level: 'error', message: 'File does not exist: /var/www/html/robots.txt' } })
    expect(outcomes[1]?.valueOf()).not.toHaveProperty('attrs.module')
    expect(outcomes[3]).toMatchObject({ outcome: 'failure', attrs: { level: 'crit' } })
    expect(outcomes[4]).toBeNull()
    expect(outcomes[5]).toEqual({ reject: "unknown level 'bogus'" })
  })

  it.skipIf(!available)('parses every line of loghub Apache_2k.log like its structured CSV (needs ../shared/data)', () => {
    // Mixed CRLF and bare CR: split as `lines` framing does.
    const lines = readFileSync(apacheLog, 'utf8').split(/\r\n|\r|\n/)
    if (lines.at(-1) === '') lines.pop()
    const rows = readFileSync(`${apacheLog}_structured.csv`, 'utf8').split(/\r?\n/).filter((line) => line !== '').slice(1).map((line) => splitCsvRecord(line) ?? [])
    expect(lines).toHaveLength(2000)
    expect(rows).toHaveLength(2000)
    const events = parseLines(lines) as NormalizedEvent[]
    events.forEach((event, index) => {
      const [lineId, time = '', level, content = ''] = rows[index] ?? []
      expect(lineId).toBe(String(index + 1))
      // "Sun Dec 04 04:47:44 2005" read independently of the parser.
      const [, month = '', day, clock = '', year] = time.split(' ')
      const [hour, minute, second] = clock.split(':').map(Number)
      expect(event.ts, `line ${index + 1}`).toBe(Date.UTC(Number(year), (monthNumbers[month.toLowerCase()] ?? 0) - 1, Number(day), hour, minute, second))
      expect(event.attrs.level, `line ${index + 1}`).toBe(level)
      const client = event.srcIp === null ? '' : `[client ${event.srcIp}] `
      expect(client + String(event.attrs.message), `line ${index + 1}`).toBe(content)
    })
    expect(events.filter((event) => event.outcome === 'failure')).toHaveLength(595)
    expect(events.filter((event) => event.srcIp !== null)).toHaveLength(rows.filter((row) => (row[3] ?? '').startsWith('[client ')).length)
  })
})
