// The loghub OpenSSH and Linux samples against their ground truth: every line parses, and its
// date, time, host, program and PID agree with the structured CSV; event counts agree with counts
// derived here, independently, from the CSV's EventTemplate column.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { linuxSyslogParser } from './linux-syslog'
import { type ParseOutcome, isRejection } from './types'

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..')
const loghub = resolve(repoRoot, '..', 'shared', 'data', 'loghub')
const available = existsSync(resolve(loghub, 'OpenSSH', 'OpenSSH_2k.log')) && existsSync(resolve(loghub, 'Linux', 'Linux_2k.log'))

/** RFC 4180 rows (quoted fields, doubled quotes): enough for loghub's structured CSVs. */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  const [header, ...body] = rows
  return body.map((cells) => Object.fromEntries((header ?? []).map((name, column) => [name, cells[column] ?? ''])))
}

function readLogLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n')
}

function asEvents(outcome: ParseOutcome): NormalizedEvent[] {
  if (outcome === null || isRejection(outcome)) throw new Error(`not an event: ${JSON.stringify(outcome)}`)
  if (Array.isArray(outcome)) return outcome
  if ('ts' in outcome) return [outcome]
  throw new Error(`not an event: ${JSON.stringify(outcome)}`)
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `Dec`, `10`, `06:55:46` of an epoch-ms time read as UTC. */
function utcParts(ts: number): [string, string, string] {
  const date = new Date(ts)
  return [monthNames[date.getUTCMonth()] ?? '', String(date.getUTCDate()), date.toISOString().slice(11, 19)]
}

function countBy(events: readonly NormalizedEvent[], key: (event: NormalizedEvent) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const event of events) counts[key(event)] = (counts[key(event)] ?? 0) + 1
  return counts
}

/** N in `message repeated N times` / `PAM N more …`: how many events one such line stands for. */
function repeatCount(content: string): number {
  const match = /^(?:message repeated (\d+) times|PAM (\d+) more authentication failures?;)/.exec(content)
  return match ? Number(match[1] ?? match[2]) : 1
}

describe('linux-syslog on loghub (needs ../shared/data)', () => {
  it.skipIf(!available)('OpenSSH_2k: every line parses with the ground truth date, time, host and pid; action counts match the templates', () => {
    const truth = readCsv(resolve(loghub, 'OpenSSH', 'OpenSSH_2k.log_structured.csv'))
    const lines = readLogLines(resolve(loghub, 'OpenSSH', 'OpenSSH_2k.log'))
    expect(lines).toHaveLength(2000)
    expect(truth).toHaveLength(2000)
    const reader = linuxSyslogParser.open({ name: 'OpenSSH_2k.log', year: 2025, fileTime: null, timeZone: 'UTC' })
    const all: NormalizedEvent[] = []
    lines.forEach((line, index) => {
      const row = truth[index]!
      const events = asEvents(reader.parse(line, index + 1))
      expect(events).toHaveLength(repeatCount(row.Content!))
      for (const event of events) {
        expect(utcParts(event.ts)).toEqual([row.Date, row.Day, row.Time])
        expect(new Date(event.ts).getUTCFullYear()).toBe(2025)
        expect(event.host).toBe(row.Component)
        expect(event.attrs.app).toBe('sshd')
        expect(String(event.attrs.pid)).toBe(row.Pid)
      }
      all.push(...events)
    })

    // The expected action of each template, decided from the template text alone.
    const expected: Record<string, number> = {}
    const add = (action: string, count: number): void => {
      expected[action] = (expected[action] ?? 0) + count
    }
    for (const row of truth) {
      const template = row.EventTemplate!
      const content = row.Content!
      if (template.startsWith('Accepted ')) add('ssh_accept', 1)
      else if (template.startsWith('Failed ')) add('ssh_failed', 1)
      else if (template.startsWith('message repeated') && content.includes('Failed password')) add('ssh_failed', repeatCount(content))
      else if (template.startsWith('Invalid user ')) add('ssh_invalid_user', 1)
      else if (template.startsWith('pam_unix(sshd:auth): authentication failure')) add('logon_failed', 1)
      else if (template.startsWith('PAM <*> more authentication failure')) add('logon_failed', repeatCount(content))
      else if (template.startsWith('pam_unix(sshd:session): session opened')) add('session_open', 1)
      else if (template.startsWith('pam_unix(sshd:session): session closed')) add('session_close', 1)
      else if (/^(error: )?Received disconnect|^Connection closed by|^Disconnecting/.test(template)) add('ssh_disconnect', 1)
      else add('system_message', 1)
    }
    expect(countBy(all, (event) => event.action)).toEqual(expected)
    // Spot values from the CSV, so the counts above cannot agree by accident.
    expect(expected).toMatchObject({ ssh_failed: 532, ssh_invalid_user: 113, logon_failed: 529, ssh_accept: 1 })

    const failures = all.filter((event) => event.action === 'ssh_failed')
    expect(failures.filter((event) => event.attrs.invalidUser === true)).toHaveLength(135 + 4)
    expect(failures.every((event) => event.srcIp !== null && event.user !== null)).toBe(true)
    const accepted = all.find((event) => event.action === 'ssh_accept')
    expect(accepted).toMatchObject({ user: 'fztu', srcIp: '119.137.62.142', outcome: 'success', attrs: { method: 'password', port: 49116 } })
  })

  it.skipIf(!available)('Linux_2k: every line parses with the ground truth date, time, host, program and pid; auth events match the templates', () => {
    const truth = readCsv(resolve(loghub, 'Linux', 'Linux_2k.log_structured.csv'))
    const lines = readLogLines(resolve(loghub, 'Linux', 'Linux_2k.log'))
    expect(lines).toHaveLength(2000)
    // No year in the file: the modification time (here: the end of July 2005) places it.
    const reader = linuxSyslogParser.open({ name: 'Linux_2k.log', year: null, fileTime: Date.UTC(2005, 6, 28), timeZone: 'UTC' })
    const all: NormalizedEvent[] = []
    lines.forEach((line, index) => {
      const row = truth[index]!
      const events = asEvents(reader.parse(line, index + 1))
      expect(events).toHaveLength(1)
      const event = events[0]!
      expect(utcParts(event.ts)).toEqual([row.Month, row.Date, row.Time])
      expect(new Date(event.ts).getUTCFullYear()).toBe(2005)
      expect(event.host).toBe(row.Level)
      expect(event.attrs.app).toBe(row.Component)
      expect(event.attrs.pid === undefined ? '' : String(event.attrs.pid)).toBe(row.PID)
      if (event.action === 'system_message') expect(event.attrs.message).toBe(row.Content!.trim())
      all.push(event)
    })

    const expected: Record<string, number> = {}
    for (const row of truth) {
      const service = row.Component!.replace('(pam_unix)', '')
      const template = row.EventTemplate!
      let key = 'system_message'
      if (template.startsWith('authentication failure;')) key = service === 'su' ? 'su_failed' : `logon_failed ${service}`
      else if (template.startsWith('session opened')) key = `session_open ${service}`
      else if (template.startsWith('session closed')) key = `session_close ${service}`
      else if (template.startsWith('ROOT LOGIN ON')) key = 'logon login'
      expected[key] = (expected[key] ?? 0) + 1
    }
    const actual = countBy(all, (event) => (event.action === 'system_message' ? event.action : `${event.action} ${String(event.attrs.service)}`))
    expect(actual).toEqual(expected)
    expect(expected).toMatchObject({ 'logon_failed sshd': 489, 'session_open su': 86, 'session_close su': 86 })

    const failures = all.filter((event) => event.action === 'logon_failed')
    const byRoot = failures.filter((event) => event.user === 'root')
    expect(byRoot).toHaveLength(351)
    expect(failures.filter((event) => event.srcIp !== null).length + failures.filter((event) => event.attrs.srcHost !== undefined).length).toBe(489)
    const suSession = all.find((event) => event.action === 'session_open' && event.attrs.service === 'su')
    expect(suSession).toMatchObject({ user: 'cyrus', attrs: { byUid: 0 } })
  })
})
