import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyslogStatus } from '../../shared/contract'
import type { Engine } from '../api/engine'
import { openTestEngine } from '../api/test-engine'

const logger = '/usr/bin/logger'
let opened: { engine: Engine; dispose(): Promise<void> } | null = null
afterEach(async () => {
  await opened?.dispose()
  opened = null
})

/** Resolves with the first pushed status that satisfies `done`, or rejects after `ms`. */
function statusWhere(engine: Engine, done: (status: SyslogStatus) => boolean, ms = 10_000): Promise<SyslogStatus> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such syslog status within ${ms} ms; last: ${JSON.stringify(engine.syslog.status())}`)), ms)
    const stop = engine.bus.on('syslog:status', (status) => {
      if (!done(status)) return
      clearTimeout(timer)
      stop()
      resolve(status)
    })
  })
}

describe('live syslog into the workspace', () => {
  it.skipIf(!existsSync(logger))('stores messages sent by util-linux logger over UDP and TCP', async () => {
    opened = await openTestEngine('cli')
    const { engine } = opened
    const started = await engine.syslog.start({ host: '127.0.0.1', udpPort: 0, tcpPort: 0 })
    expect(started).toMatchObject({ state: 'running', host: '127.0.0.1' })
    const udp = String(started.udpPort)
    const tcp = String(started.tcpPort)
    execFileSync(logger, ['-n', '127.0.0.1', '-P', udp, '-d', '--rfc5424', '-t', 'sshd', 'Accepted password for alice from 192.0.2.7 port 50022 ssh2'])
    execFileSync(logger, ['-n', '127.0.0.1', '-P', tcp, '-T', '--rfc3164', '-t', 'sshd', 'Failed password for invalid user mallory from 198.51.100.9 port 4242 ssh2'])
    execFileSync(logger, ['-n', '127.0.0.1', '-P', tcp, '-T', '--octet-count', '--rfc5424', '-t', 'sudo', 'bob : TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/cat /etc/shadow'])
    await statusWhere(engine, (status) => status.parsed >= 3)
    const final = await engine.syslog.stop()
    expect(final).toMatchObject({ state: 'stopped', received: 3, parsed: 3, rejected: 0 })

    const rows = engine.workspace.sqlite.prepare('select user, action, outcome, src_ip, object from events order by id').all()
    expect(rows).toEqual([
      { user: 'alice', action: 'ssh_accept', outcome: 'success', src_ip: '192.0.2.7', object: null },
      { user: 'mallory', action: 'ssh_failed', outcome: 'failure', src_ip: '198.51.100.9', object: null },
      { user: 'bob', action: 'sudo', outcome: 'success', src_ip: null, object: '/bin/cat /etc/shadow' },
    ])
    expect(engine.workspace.sqlite.prepare('select status, format, events from sources').get()).toEqual({ status: 'done', format: 'syslog', events: 3 })
  })

  it('stores a bounded flood over one TCP connection and rejects what is not syslog', async () => {
    opened = await openTestEngine('cli')
    const { engine } = opened
    const started = await engine.syslog.start({ host: '127.0.0.1', tcpPort: 0 })
    const { connect } = await import('node:net')
    const socket = connect(started.tcpPort ?? 0, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const total = 5000
    let payload = ''
    for (let index = 0; index < total; index += 1) {
      payload += `<38>1 2026-11-21T10:00:${String(index % 60).padStart(2, '0')}.000Z web01 sshd 77 - - Accepted publickey for user${index % 13} from 10.1.2.${index % 250} port 22 ssh2\n`
    }
    payload += 'this is not syslog at all\n'
    socket.end(payload)
    const status = await statusWhere(engine, (update) => update.parsed + update.rejected >= total + 1)
    expect(status).toMatchObject({ parsed: total, rejected: 1, dropped: 0 })
    await engine.syslog.stop()
    expect(engine.workspace.sqlite.prepare('select count(*) as n from events').get()).toEqual({ n: total })
    expect(engine.workspace.sqlite.prepare('select line_no, excerpt from rejects').get()).toEqual({ line_no: total + 1, excerpt: 'this is not syslog at all' })
  })

  it('refuses a second listener and reports a port that is taken', async () => {
    opened = await openTestEngine('cli')
    const { engine } = opened
    const first = await engine.syslog.start({ host: '127.0.0.1', udpPort: 0 })
    await expect(engine.syslog.start({ host: '127.0.0.1', udpPort: 0 })).rejects.toMatchObject({ code: 'bad_request' })
    await engine.syslog.stop()
    const { createSocket } = await import('node:dgram')
    const blocker = createSocket('udp4')
    await new Promise<void>((resolve) => blocker.bind(0, '127.0.0.1', resolve))
    const taken = await engine.syslog.start({ host: '127.0.0.1', udpPort: blocker.address().port })
    blocker.close()
    expect(taken).toMatchObject({ state: 'failed', error: expect.stringMatching(/^cannot listen on 127\.0\.0\.1: /) })
    expect(first.state).toBe('running')
  })
})
