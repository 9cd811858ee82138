import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { linuxSyslogParser } from './linux-syslog'
import { type ParseContext, type ParseOutcome, type Sample, isRejection } from './types'

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/syslog/${name}`, import.meta.url)), 'utf8')

function context(overrides: Partial<ParseContext> = {}): ParseContext {
  return { name: 'auth.log', year: 2026, fileTime: null, timeZone: 'UTC', ...overrides }
}

function single(outcome: ParseOutcome): NormalizedEvent {
  if (outcome === null || Array.isArray(outcome) || !('ts' in outcome)) throw new Error(`expected one event, got ${JSON.stringify(outcome)}`)
  return outcome
}

function parseOne(line: string, overrides: Partial<ParseContext> = {}): NormalizedEvent {
  return single(linuxSyslogParser.open(context(overrides)).parse(line, 1))
}

const iso = (event: NormalizedEvent): string => new Date(event.ts).toISOString()

describe('linux-syslog: the header', () => {
  it('RFC 3164 without PRI: time, host, program, pid', () => {
    const event = parseOne('Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186')
    expect(iso(event)).toBe('2026-12-10T06:55:46.000Z')
    expect(event).toMatchObject({ host: 'LabSZ', action: 'ssh_invalid_user', user: 'webmaster', attrs: { app: 'sshd', pid: 24200 } })
  })

  it('RFC 3164 with PRI (facility and severity kept), a space-padded day, a BOM and a CR left over', () => {
    const event = parseOne('\uFEFF<86>Jun  9 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4\r')
    expect(iso(event)).toBe('2026-06-09T15:16:01.000Z')
    expect(event).toMatchObject({ host: 'combo', action: 'logon_failed', srcIp: '218.188.2.4', attrs: { app: 'sshd(pam_unix)', pid: 19939, facility: 10, severity: 6 } })
  })

  it('rsyslog high-precision ISO 8601: the offset decides, the zone and year are not needed', () => {
    const event = parseOne('2024-03-01T12:34:56.123456+01:00 web01 sshd[1]: Accepted password for alice from 10.0.0.5 port 22 ssh2', {
      year: null,
      timeZone: 'America/New_York',
    })
    expect(event.ts).toBe(Date.UTC(2024, 2, 1, 11, 34, 56, 123))
    expect(event).toMatchObject({ host: 'web01', action: 'ssh_accept', user: 'alice' })
    expect(parseOne('2024-03-01T12:34:56Z web01 kernel: x', { year: null }).ts).toBe(Date.UTC(2024, 2, 1, 12, 34, 56))
  })

  it('wall-clock times are in the context zone, daylight saving included', () => {
    expect(iso(parseOne('Jul  4 12:00:00 h app: m', { timeZone: 'America/New_York' }))).toBe('2026-07-04T16:00:00.000Z')
    expect(iso(parseOne('Jan  4 12:00:00 h app: m', { timeZone: 'America/New_York' }))).toBe('2026-01-04T17:00:00.000Z')
    expect(iso(parseOne('2026-07-04T12:00:00.5 h app: m', { timeZone: 'Europe/Berlin' }))).toBe('2026-07-04T10:00:00.500Z')
    // A script's own lines, with a space for the T.
    expect(parseOne('2026-07-04 12:00:00 web01 sshd[7]: Failed password for invalid user admin from 10.9.9.9 port 4444 ssh2', { timeZone: 'Europe/Berlin' }))
      .toMatchObject({ ts: Date.UTC(2026, 6, 4, 10), host: 'web01', action: 'ssh_failed', user: 'admin' })
  })

  it('loose tags: spaces, no pid, no tag at all, no host', () => {
    expect(parseOne('Jun 19 04:09:11 combo syslogd 1.4.1: restart.')).toMatchObject({ host: 'combo', object: 'syslogd 1.4.1', attrs: { app: 'syslogd 1.4.1', message: 'restart.' } })
    expect(parseOne('Jul  7 08:06:15 combo  -- root[2421]: ROOT LOGIN ON tty2')).toMatchObject({ host: 'combo', action: 'logon', user: 'root', attrs: { app: '-- root', pid: 2421 } })
    expect(parseOne('Jul 27 14:41:57 combo kernel: [ 12.345] usb 1-1: new device')).toMatchObject({ attrs: { app: 'kernel', message: '[ 12.345] usb 1-1: new device' } })
    const tagless = parseOne('Jul 27 14:41:57 combo -- MARK --')
    expect(tagless).toMatchObject({ host: 'combo', object: null, attrs: { app: null, message: '-- MARK --' } })
    expect(tagless.attrs).not.toHaveProperty('pid')
    expect(parseOne('Dec 10 06:55:46 sshd[24200]: Failed password for root from 1.2.3.4 port 22 ssh2')).toMatchObject({ host: null, action: 'ssh_failed', attrs: { app: 'sshd', pid: 24200 } })
  })

  it('blank lines carry no event; lines without a usable time are rejected, never given one', () => {
    const reader = linuxSyslogParser.open(context())
    expect(reader.parse('', 1)).toBeNull()
    expect(reader.parse('  \r', 2)).toBeNull()
    const reasons = [
      'garbage line',
      'Foo 10 06:55:46 host app: x',
      'Feb 30 10:00:00 host app: x',
      'Dec 10 25:00:00 host app: x',
      '2024-13-01T00:00:00Z host app: x',
      '2024-02-30T00:00:00Z host app: x',
      '<999>Dec 10 06:55:46 host app: x',
      'Dec 10 06:55:46',
    ].map((line, index) => reader.parse(line, index + 3))
    expect(reasons).toEqual([
      { reject: 'no timestamp' },
      { reject: 'no timestamp' },
      { reject: 'not a real date' },
      { reject: 'no timestamp' },
      { reject: 'no timestamp' },
      { reject: 'no timestamp' },
      { reject: 'bad PRI' },
      { reject: 'nothing after the timestamp' },
    ])
  })

  it('sysklogd "last message repeated N times" repeats the line before', () => {
    const reader = linuxSyslogParser.open(context())
    single(reader.parse('Dec 10 07:00:00 h sshd[7]: Failed password for root from 1.2.3.4 port 22 ssh2', 1))
    const repeated = reader.parse('Dec 10 07:00:30 h last message repeated 2 times', 2)
    expect(Array.isArray(repeated) && repeated.map((event) => [iso(event), event.action, event.user, event.attrs.repeat])).toEqual([
      ['2026-12-10T07:00:30.000Z', 'ssh_failed', 'root', 2],
      ['2026-12-10T07:00:30.000Z', 'ssh_failed', 'root', 2],
    ])
  })
})

describe('linux-syslog: the year of RFC 3164 lines', () => {
  it('without a year or a file time the line is rejected and the reason names --year', () => {
    const outcome = linuxSyslogParser.open(context({ year: null })).parse('Dec 10 06:55:46 LabSZ sshd[1]: x', 1)
    expect(isRejection(outcome) && outcome.reject).toMatch(/--year/)
  })

  it('from the file time: a line is never after the file was written (+1 day); December lines in a January file are last year', () => {
    const january = Date.UTC(2026, 0, 3, 8, 0, 0)
    expect(iso(parseOne('Dec 30 10:00:00 h app: m', { year: null, fileTime: january }))).toBe('2025-12-30T10:00:00.000Z')
    expect(iso(parseOne('Jan  2 10:00:00 h app: m', { year: null, fileTime: january }))).toBe('2026-01-02T10:00:00.000Z')
    // Clock skew between the writer and the file system: up to a day later still counts as this year.
    expect(iso(parseOne('Jan  3 20:00:00 h app: m', { year: null, fileTime: january }))).toBe('2026-01-03T20:00:00.000Z')
    expect(iso(parseOne('Feb 29 10:00:00 h app: m', { year: null, fileTime: january }))).toBe('2024-02-29T10:00:00.000Z')
  })

  it('rolls over from December to January inside one file (fixture: auth-rollover.log)', () => {
    const reader = linuxSyslogParser.open(context({ year: null, fileTime: Date.UTC(2026, 0, 2, 10, 0, 5) }))
    const lines = fixture('auth-rollover.log').split('\n')
    expect(lines.pop()).toBe('')
    const seen = lines.map((line, index) => {
      const outcome = reader.parse(line, index + 1)
      const events = Array.isArray(outcome) ? outcome : [single(outcome)]
      return events.map((event) => `${iso(event)} ${event.action} ${event.user ?? '-'} ${event.object ?? '-'}`).join(' | ')
    })
    expect(seen).toEqual([
      '2025-12-31T23:58:01.000Z ssh_accept alice -',
      '2025-12-31T23:58:01.000Z session_open alice -',
      '2025-12-31T23:59:40.000Z sudo alice /usr/sbin/useradd -m bob',
      '2025-12-31T23:59:40.000Z group_create alice bob',
      '2025-12-31T23:59:40.000Z account_create alice bob',
      '2026-01-01T00:00:02.000Z sudo alice /usr/sbin/usermod -aG sudo bob',
      '2026-01-01T00:00:02.000Z group_member_add alice sudo',
      '2026-01-01T00:00:02.000Z system_message - usermod',
      // Written a few seconds late, after the new year's first lines: still last year.
      '2025-12-31T23:59:59.000Z system_message - kernel',
      '2026-01-01T00:03:11.000Z password_change bob bob',
      '2026-01-01T00:05:00.000Z su_failed bob -',
      '2026-01-01T00:05:02.000Z su_failed bob -',
      '2026-01-01T00:05:30.000Z su bob -',
      '2026-01-01T00:05:30.000Z session_open root -',
      '2026-01-01T00:09:12.000Z session_close alice -',
      '2026-01-01T00:09:12.000Z ssh_disconnect alice -',
      '2026-01-02T10:00:00.000Z account_delete - bob',
    ])
  })

  it('with an explicit year: the first line takes it and the year still advances at the rollover', () => {
    const reader = linuxSyslogParser.open(context({ year: 2005 }))
    const times = ['Dec 31 23:59:58 h a: m', 'Jan  1 00:00:01 h a: m', 'Feb  1 00:00:01 h a: m', 'Jan 31 23:59:59 h a: m', 'Mar  1 00:00:00 h a: m']
    expect(times.map((line, index) => iso(single(reader.parse(line, index + 1))))).toEqual([
      '2005-12-31T23:59:58.000Z',
      '2006-01-01T00:00:01.000Z',
      '2006-02-01T00:00:01.000Z',
      // A line a few seconds out of order across a month boundary is not a new year.
      '2006-01-31T23:59:59.000Z',
      '2006-03-01T00:00:00.000Z',
    ])
  })
})

describe('linux-syslog: who ran an account change', () => {
  const run = (lines: string[]) => {
    const reader = linuxSyslogParser.open(context())
    return lines.map((line, index) => single(reader.parse(line, index + 1)))
  }

  it('is the user of the sudo or su just before it on the same host, within ten minutes', () => {
    const [, added, , reset, later, elsewhere] = run([
      'Mar  4 10:00:00 srv1 sudo:   mallory : TTY=pts/0 ; PWD=/home/mallory ; USER=root ; COMMAND=/usr/sbin/usermod -aG sudo mallory',
      "Mar  4 10:00:00 srv1 usermod[812]: add 'mallory' to group 'sudo'",
      'Mar  4 10:02:00 srv1 su: (to root) bob on pts/1',
      'Mar  4 10:03:00 srv1 gpasswd[900]: user carol added by root to group adm',
      "Mar  4 10:14:00 srv1 usermod[901]: add 'dave' to group 'wheel'",
      "Mar  4 10:03:30 srv2 usermod[77]: add 'erin' to group 'sudo'",
    ])
    expect(added).toMatchObject({ action: 'group_member_add', user: 'mallory', object: 'sudo', attrs: { targetUser: 'mallory', actorFrom: 'the sudo or su before it on this host' } })
    // gpasswd names root as the actor; the person behind root is the su's bob.
    expect(reset).toMatchObject({ action: 'group_member_add', user: 'bob', attrs: { targetUser: 'carol', loggedActor: 'root' } })
    // Twelve minutes after the su, and on another host: nobody is named.
    expect(later!.user).toBeNull()
    expect(elsewhere!.user).toBeNull()
  })

  it('is never taken from a refused sudo', () => {
    const [, added] = run([
      'Mar  4 10:00:00 srv1 sudo:   mallory : user NOT in sudoers ; TTY=pts/0 ; PWD=/home/mallory ; USER=root ; COMMAND=/usr/sbin/usermod -aG sudo mallory',
      "Mar  4 10:00:05 srv1 usermod[812]: add 'mallory' to group 'sudo'",
    ])
    expect(added!.user).toBeNull()
  })
})

describe('linux-syslog: one logon is one session_open', () => {
  it("logind's line right after PAM's for the same user and host is kept as a system message; alone it is the session", () => {
    const reader = linuxSyslogParser.open(context())
    const [pam, twin, alone, otherUser] = [
      'Apr 22 11:56:10 dns-01 sshd[16373]: pam_unix(sshd:session): session opened for user mmokoena2(uid=1065) by (uid=0)',
      'Apr 22 11:56:10 dns-01 systemd-logind[824]: New session 531 of user mmokoena2.',
      'Apr 22 12:30:00 dns-01 systemd-logind[824]: New session 532 of user mmokoena2.',
      'Apr 22 12:30:01 dns-01 systemd-logind[824]: New session 533 of user ansible.',
    ].map((line, index) => single(reader.parse(line, index + 1)))
    expect(pam).toMatchObject({ action: 'session_open', user: 'mmokoena2' })
    expect(twin).toMatchObject({ category: 'system', action: 'system_message', user: null, attrs: { message: 'New session 531 of user mmokoena2', note: 'the same logon as the PAM session line before it' } })
    expect(alone).toMatchObject({ category: 'authentication', action: 'session_open', user: 'mmokoena2', attrs: { session: '532' } })
    expect(otherUser).toMatchObject({ action: 'session_open', user: 'ansible' })
  })
})

describe('linux-syslog: removable storage', () => {
  const run = (lines: string[]) => {
    const reader = linuxSyslogParser.open(context())
    return lines.map((line, index) => single(reader.parse(line, index + 1)))
  }

  it('one stick is one connect, credited to whoever opened the latest session on that host', () => {
    const [, , , connect, disk, mount, , again, other] = run([
      'Mar  4 08:58:10 ws-17 gdm-password]: pam_unix(gdm-password:session): session opened for user alice(uid=1000) by (uid=0)',
      'Mar  4 09:00:00 ws-17 CRON[400]: pam_unix(cron:session): session opened for user backup(uid=1001) by (uid=0)',
      'Mar  4 09:05:00 ws-17 sshd[1]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)',
      'Mar  4 09:14:58 ws-17 kernel: [ 8721.113401] usb-storage 2-1:1.0: USB Mass Storage device detected',
      'Mar  4 09:14:59 ws-17 kernel: [ 8722.201] sd 6:0:0:0: [sdb] Attached SCSI removable disk',
      'Mar  4 09:15:01 ws-17 udisksd[900]: Mounted /dev/sdb1 at /media/alice/KINGSTON on behalf of uid 1000',
      'Mar  4 10:40:00 ws-17 udisksd[900]: Unmounted /dev/sdb1 on behalf of uid 1000',
      'Mar  4 10:41:00 ws-17 kernel: usb-storage 2-1:1.0: USB Mass Storage device detected',
      'Mar  4 10:41:00 ws-09 kernel: usb-storage 1-1:1.0: USB Mass Storage device detected',
    ])
    // Cron's job session and root's are not people at the desk: alice's desktop session is.
    expect(connect).toMatchObject({ category: 'device', action: 'device_connect', user: 'alice', host: 'ws-17', attrs: { userFrom: 'the latest session opened on this host' } })
    expect(disk).toMatchObject({ category: 'system', action: 'system_message', user: null, attrs: { note: 'the same insertion as the connect before it' } })
    expect(mount).toMatchObject({ category: 'device', action: 'device_mount', user: 'alice', object: '/media/alice/KINGSTON' })
    // Ninety minutes later the same port is a new insertion; another host knows no session.
    expect(again).toMatchObject({ action: 'device_connect', user: 'alice' })
    expect(other).toMatchObject({ action: 'device_connect', user: null })
  })

  it('a mount with no kernel line before it is the connect', () => {
    const [mount] = run(['Mar  4 09:15:01 ws-17 udisksd[900]: Mounted /dev/sdb1 at /media/bob/USB on behalf of uid 1000'])
    expect(mount).toMatchObject({ action: 'device_connect', user: 'bob', object: '/media/bob/USB' })
  })
})

describe('linux-syslog: robustness', () => {
  it('never throws: every prefix of every fixture line, and lines with bytes replaced', () => {
    const reader = linuxSyslogParser.open(context())
    const noise = ['[', ']', ':', ' ', '<', '>', '=', "'", '(', ')', '\u0000', '\uFEFF', '9']
    let count = 0
    for (const line of [...fixture('auth-rollover.log').split('\n'), 'Dec 10 07:13:56 h sshd[1]: message repeated 5 times: [ PAM 2 more authentication failures; rhost=1.2.3.4]']) {
      for (let end = 0; end <= line.length; end++) {
        expect(() => reader.parse(line.slice(0, end), count++)).not.toThrow()
        const mutated = line.slice(0, end) + noise[end % noise.length]! + line.slice(end + 1)
        expect(() => reader.parse(mutated, count++)).not.toThrow()
      }
    }
    expect(count).toBeGreaterThan(2000)
  })
})

describe('linux-syslog: sniffing', () => {
  const sample = (text: string): Sample => ({ name: 'x.log', head: new TextEncoder().encode(text), lines: text.split('\n') })

  it('claims auth.log and messages, not RFC 5424 or other text', () => {
    expect(linuxSyslogParser.sniff(sample(fixture('auth-rollover.log')))).toBeCloseTo(0.9)
    expect(linuxSyslogParser.sniff(sample('2024-03-01T12:34:56.123456+01:00 web01 sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2'))).toBeCloseTo(0.9)
    expect(linuxSyslogParser.sniff(sample('2024-03-01 12:34:56 web01 sshd[1]: Accepted password for a from 1.2.3.4 port 1 ssh2'))).toBeCloseTo(0.9)
    expect(linuxSyslogParser.sniff(sample(fixture('rfc5424-sample.log')))).toBe(0)
    expect(linuxSyslogParser.sniff(sample('user,date,pc\nalice,01/02/2010 07:00:00,PC-1'))).toBe(0)
    expect(linuxSyslogParser.sniff(sample(''))).toBe(0)
  })
})
