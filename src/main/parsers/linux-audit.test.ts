import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { actionVocabulary } from '../../shared/actions'
import { auditText, readAuditRecord } from './audit-fields'
import { parsers } from './index'
import { linuxAuditParser } from './linux-audit'
import { type ParseOutcome, type Sample, isRejection } from './types'

const here = fileURLToPath(import.meta.url)
const fixture = readFileSync(resolve(here, '..', 'fixtures', 'audit', 'audit.log'), 'utf8')
const atomic = resolve(here, '..', '..', '..', '..', '..', 'shared', 'data', 'otrf-security-datasets', 'datasets', 'atomic', 'linux')
const arpZip = resolve(atomic, 'discovery', 'host', 'sh_arp_cache.zip')

/** Every event of a file, in order, with the held-back one from `finish`. */
function readAll(text: string): { events: NormalizedEvent[]; outcomes: ParseOutcome[] } {
  const reader = linuxAuditParser.open({ name: 'audit.log', year: null, fileTime: null, timeZone: 'UTC' })
  const outcomes = [...text.split('\n').map((line, index) => reader.parse(line, index + 1)), reader.finish!()]
  const events = outcomes.flatMap((outcome) => (outcome === null || isRejection(outcome) ? [] : (outcome as NormalizedEvent | NormalizedEvent[])))
  for (const event of events) expect(actionVocabulary[event.action]?.category).toBe(event.category)
  return { events, outcomes }
}

describe('audit records', () => {
  it('reads the header, quoted, bare and hex values, nested msg fields and ENRICHED names', () => {
    const record = readAuditRecord(
      "node=ws-17 type=USER_CMD msg=audit(1709543760.3:603): pid=2400 uid=1000 auid=1000 ses=7 msg='cwd=\"/home/a b\" cmd=636174202F6574632F736861646F77 exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'\x1dUID=\"alice\" AUID=\"alice\"",
    )
    if (typeof record === 'string') throw new Error(record)
    expect(record).toMatchObject({ node: 'ws-17', type: 'USER_CMD', ts: 1709543760300, serial: 603 })
    expect(record.fields.get('auid')).toBe('1000')
    expect(auditText(record, 'cwd')).toBe('/home/a b')
    expect(auditText(record, 'cmd')).toBe('cat /etc/shadow')
    expect(auditText(record, 'terminal')).toBe('pts/0')
    expect(record.names.get('AUID')).toBe('alice')
    expect(readAuditRecord('Mar  4 09:15:00 host sshd[1]: Accepted password for a from 1.2.3.4 port 2 ssh2')).toBe('not an audit record (type=… msg=audit(…):)')
  })
})

describe('linux-audit', () => {
  const { events, outcomes } = readAll(fixture)
  const of = (serial: number) => events.filter((event) => event.attrs.serial === serial)

  it('an ssh logon: the session and the login, named by the session in a RAW log; its bookkeeping records carry no event', () => {
    expect(of(505)).toMatchObject([{ category: 'authentication', action: 'session_open', user: 'alice', host: 'ws-17', srcIp: '10.0.0.5', attrs: { auditType: 'USER_START' } }])
    expect(of(507)).toMatchObject([{ action: 'ssh_accept', outcome: 'success', user: 'alice', srcIp: '10.0.0.5' }])
    for (const serial of [501, 502, 503, 504]) expect(of(serial)).toEqual([])
    expect(of(950)).toMatchObject([{ action: 'logoff', user: 'alice' }])
  })

  it('sudo: the command by the person who logged in (login uid), the program it ran, the watched file it read', () => {
    expect(of(603)).toMatchObject([{ action: 'sudo', outcome: 'success', user: 'alice', object: 'cat /etc/shadow', attrs: { pwd: '/home/alice' } }])
    // sudo's session is root's, and does not rename uid 1000.
    expect(of(605)).toMatchObject([{ action: 'session_open', user: 'root' }])
    expect(of(606)).toMatchObject([{ category: 'process', action: 'process_start', user: 'alice', object: 'cat /etc/shadow', attrs: { image: '/usr/bin/cat', key: 'exec' } }])
    expect(of(607)).toMatchObject([{ category: 'file', action: 'file_open', user: 'alice', object: '/etc/shadow', attrs: { key: 'shadow', syscall: '257' } }])
  })

  it('account changes by alice (ENRICHED names); the home directory and gshadow records are twins', () => {
    expect(of(701)).toMatchObject([{ action: 'group_create', user: 'alice', object: 'backdoor' }])
    expect(of(703)).toMatchObject([{ action: 'account_create', user: 'alice', object: 'backdoor', attrs: { targetUser: 'backdoor' } }])
    expect(of(704)).toEqual([])
    expect(of(710)).toMatchObject([{ action: 'group_member_add', user: 'alice', object: 'sudo', attrs: { targetUser: 'backdoor' } }])
    expect(of(711)).toEqual([])
    expect(of(720)).toMatchObject([{ action: 'password_reset', user: 'alice', object: 'backdoor' }])
  })

  it('failed ssh attempts are failures; the failed login that ends the connection is a disconnect', () => {
    expect([...of(801), ...of(802)]).toMatchObject([
      { action: 'ssh_failed', outcome: 'failure', user: 'root', srcIp: '203.0.113.9' },
      { action: 'ssh_failed', outcome: 'failure', user: 'root' },
    ])
    expect(of(803)).toMatchObject([{ action: 'ssh_disconnect', outcome: 'unknown', attrs: { reason: 'login failed' } }])
  })

  it('a syscall no EXECVE or PATH told about is kept as a system message, without a person when nobody logged in', () => {
    expect(of(901)).toMatchObject([{ category: 'system', action: 'system_message', user: null, attrs: { image: '/usr/sbin/chronyd', comm: 'chronyd', key: 'network_connect', syscall: '42' } }])
  })

  it('rejects a line that is not an audit record, with the reason, and reads on; an unnamed login uid stays a number', () => {
    const { outcomes: mixed, events: read } = readAll(['garbage line', fixture.split('\n')[6]!].join('\n'))
    expect(mixed[0]).toEqual({ reject: 'not an audit record (type=… msg=audit(…):)' })
    // Without the session record before it, nothing says who uid 1000 is.
    expect(read).toMatchObject([{ action: 'sudo', user: null, attrs: { auid: 1000 } }])
    expect(outcomes.filter(isRejection)).toEqual([])
  })

  it("reads ausearch's output the same: events between ---- lines, their records in reverse order", () => {
    const bySerial = new Map<string, string[]>()
    for (const line of fixture.split('\n').filter((line) => line !== '')) {
      const serial = /:(\d+)\)/.exec(line)![1]!
      bySerial.set(serial, [...(bySerial.get(serial) ?? []), line])
    }
    const ausearch = [...bySerial.values()].flatMap((lines) => ['----', 'time->Mon Mar  4 09:15:00 2024', ...lines.reverse()]).join('\n')
    const strip = (list: NormalizedEvent[]) => list.map(({ attrs, ...rest }) => ({ ...rest, serial: attrs.serial }))
    expect(strip(readAll(ausearch).events)).toEqual(strip(events))
    expect(linuxAuditParser.sniff({ name: 'ausearch.txt', head: new Uint8Array(), lines: ausearch.split('\n') })).toBe(0.95)
  })

  it('never throws on a cut line', () => {
    for (const line of fixture.split('\n')) {
      for (let end = 0; end <= line.length; end += 7) {
        const reader = linuxAuditParser.open({ name: 'a', year: null, fileTime: null, timeZone: 'UTC' })
        expect(() => [reader.parse(line.slice(0, end), 1), reader.finish!()]).not.toThrow()
      }
    }
  })

  it('is the format sniffing picks for audit.log, and only for it', () => {
    const sample = (text: string): Sample => ({ name: 'audit.log', head: new TextEncoder().encode(text), lines: text.split('\n') })
    const best = (text: string) => parsers.map((parser) => ({ name: parser.name, score: parser.sniff(sample(text)) })).sort((a, b) => b.score - a.score)[0]!
    expect(best(fixture)).toMatchObject({ name: 'linux-audit', score: 0.95 })
    expect(linuxAuditParser.sniff(sample('Mar  4 09:15:00 host sshd[1]: Accepted password for a from 1.2.3.4 port 2 ssh2'))).toBe(0)
  })

  it.skipIf(!existsSync(arpZip))('reads a real RAW audit log: OTRF sh_arp_cache, two programs by login uid 1000 (needs ../shared/data)', () => {
    const text = execFileSync('unzip', ['-p', arpZip], { encoding: 'utf8' })
    const { events: real, outcomes: all } = readAll(text)
    expect(all.filter(isRejection)).toEqual([])
    // 12 records: two execve syscalls, each with EXECVE, CWD, two PATHs and PROCTITLE.
    expect(real).toMatchObject([
      { ts: 1604994496155, category: 'process', action: 'process_start', user: null, object: 'arp -a', attrs: { image: '/usr/sbin/arp', auid: 1000 } },
      { ts: 1604994496155, action: 'process_start', object: 'grep -v ^?', attrs: { image: '/bin/grep', auid: 1000 } },
    ])
  })
})
