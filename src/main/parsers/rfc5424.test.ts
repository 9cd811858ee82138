import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { rfc5424Parser } from './rfc5424'
import type { ParseContext, ParseOutcome, Sample } from './types'

const fixtureText = readFileSync(fileURLToPath(new URL('./fixtures/syslog/rfc5424-sample.log', import.meta.url)), 'utf8')
// Split on LF only: the fixture has CRLF line ends, and the parser must shrug off the CR.
const fixtureLines = fixtureText.split('\n').filter((line) => line !== '')

const context: ParseContext = { name: 'remote.log', year: null, fileTime: null, timeZone: 'UTC' }

function single(outcome: ParseOutcome): NormalizedEvent {
  if (outcome === null || Array.isArray(outcome) || !('ts' in outcome)) throw new Error(`expected one event, got ${JSON.stringify(outcome)}`)
  return outcome
}

const parse = (line: string): ParseOutcome => rfc5424Parser.open(context).parse(line, 1)

describe('rfc5424', () => {
  it('the RFC 5424 examples: NILVALUEs, BOM before MSG, offsets with microseconds', () => {
    const [first, second] = fixtureLines.slice(0, 2).map((line) => single(parse(line)))
    expect(first).toMatchObject({
      ts: Date.UTC(2003, 9, 11, 22, 14, 15, 3),
      host: 'mymachine.example.com',
      action: 'system_message',
      object: 'su',
      attrs: { app: 'su', facility: 4, severity: 2, msgid: 'ID47', message: "'su root' failed for lonvick on /dev/pts/8" },
    })
    expect(first!.attrs).not.toHaveProperty('pid')
    expect(first!.attrs).not.toHaveProperty('sd')
    expect(second).toMatchObject({
      ts: Date.UTC(2003, 7, 24, 12, 14, 15, 0),
      host: '192.0.2.1',
      attrs: { app: 'myproc', pid: 8710, facility: 20, severity: 5, message: "%% It's time to make the do-nuts." },
    })
    expect(second!.attrs).not.toHaveProperty('msgid')
  })

  it('structured data is kept in attrs.sd, with \\" \\\\ \\] unescaped; a message may be absent', () => {
    const [withMessage, sdOnly, escaped] = fixtureLines.slice(2, 5).map((line) => single(parse(line)))
    expect(withMessage!.attrs).toMatchObject({
      sd: { 'exampleSDID@32473': { iut: '3', eventSource: 'Application', eventID: '1011' } },
      message: 'An application event log entry...',
    })
    expect(sdOnly!.attrs).toMatchObject({
      sd: { 'exampleSDID@32473': { iut: '3', eventSource: 'Application', eventID: '1011' }, 'examplePriority@32473': { class: 'high' } },
      message: '',
    })
    expect(escaped).toMatchObject({
      ts: Date.UTC(2026, 10, 21, 9, 0, 0, 123),
      host: 'web01',
      action: 'ssh_failed',
      user: 'admin',
      srcIp: '203.0.113.9',
      attrs: {
        app: 'sshd',
        pid: 4242,
        invalidUser: true,
        sd: { origin: { ip: '192.0.2.7', software: 'rsyslogd' }, meta: { path: 'C:\\logs\\a]b', quote: 'say "hi"' } },
      },
    })
    expect(JSON.parse(JSON.stringify(escaped!.attrs.sd))).toEqual(escaped!.attrs.sd)
  })

  it('messages get the same interpretation as in traditional files', () => {
    expect(single(parse(fixtureLines[5]!))).toMatchObject({
      action: 'sudo', user: 'alice', object: '/usr/bin/systemctl restart nginx', attrs: { targetUser: 'root', pwd: '/srv', facility: 10, severity: 6 },
    })
    const repeated = parse('<38>1 2026-11-21T10:00:00Z h sshd 1 - - message repeated 4 times: [ Failed password for root from 1.2.3.4 port 2 ssh2]')
    expect(Array.isArray(repeated) && repeated.length).toBe(4)
  })

  it('rejects a NILVALUE timestamp, never inventing one, and other broken headers', () => {
    expect(parse(fixtureLines[6]!)).toEqual({ reject: 'NILVALUE timestamp: the message carries no time' })
    expect(parse('<13>1 2026-11-21T10:00:00Z h app - - [id a=b] m')).toEqual({ reject: 'malformed structured data' })
    expect(parse('<13>1 2026-11-21T10:00:00Z h app - - [id a="b] m')).toEqual({ reject: 'malformed structured data' })
    expect(parse('<13>1 2026-11-21T10:00:00Z h app - - [id a="b"]m')).toEqual({ reject: 'malformed structured data' })
    expect(parse('<13>1 2026-11-21T10:00:00Z h app - -x m')).toEqual({ reject: 'malformed structured data' })
    expect(parse('<13>1 2026-11-21T10:00:00Z h app -')).toEqual({ reject: 'header ends before MSGID' })
    expect(parse('<13>1 2026-02-30T10:00:00Z h app - - - m')).toEqual({ reject: 'unreadable timestamp' })
    expect(parse('<13>1 yesterday h app - - - m')).toEqual({ reject: 'unreadable timestamp' })
    expect(parse('<13>Nov 21 10:00:00 h app: m')).toEqual({ reject: 'no RFC 5424 version after <PRI>' })
    expect(parse('Nov 21 10:00:00 h app: m')).toEqual({ reject: 'no RFC 5424 <PRI>' })
    expect(parse('')).toBeNull()
  })

  it('a repeated parameter keeps every value; SD names from the wire cannot reach Object.prototype', () => {
    const event = single(parse('<13>1 2026-11-21T10:00:00Z h app - - [__proto__ polluted="yes"][x ip="1" ip="2"] m'))
    expect(event.attrs.sd).toMatchObject({ x: { ip: ['1', '2'] } })
    expect(Object.keys(event.attrs.sd as object)).toEqual(['__proto__', 'x'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads what util-linux logger --rfc5424 sends', () => {
    const event = single(parse('<13>1 2026-11-21T14:13:26.919677+00:00 vm root - - [timeQuality tzKnown="1" isSynced="0"] hello udp'))
    expect(event).toMatchObject({ ts: Date.UTC(2026, 10, 21, 14, 13, 26, 919), host: 'vm', attrs: { app: 'root', message: 'hello udp', sd: { timeQuality: { tzKnown: '1', isSynced: '0' } } } })
  })

  it('never throws: every prefix of every fixture line, and lines with bytes replaced', () => {
    const reader = rfc5424Parser.open(context)
    const noise = ['[', ']', '"', '\\', ' ', '-', '=', '<', '>', '\uFEFF']
    let count = 0
    for (const line of fixtureLines) {
      for (let end = 0; end <= line.length; end++) {
        expect(() => reader.parse(line.slice(0, end), count++)).not.toThrow()
        expect(() => reader.parse(line.slice(0, end) + noise[end % noise.length]! + line.slice(end + 1), count++)).not.toThrow()
      }
    }
    expect(count).toBeGreaterThan(1000)
  })

  it('sniffs RFC 5424 and leaves traditional syslog alone', () => {
    const sample = (text: string): Sample => ({ name: 'x.log', head: new TextEncoder().encode(text), lines: text.split('\n') })
    // Six of the seven fixture lines are readable; the seventh has no time.
    expect(rfc5424Parser.sniff(sample(fixtureText))).toBeCloseTo((0.95 * 6) / 7)
    expect(rfc5424Parser.sniff(sample('Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186'))).toBe(0)
  })
})
