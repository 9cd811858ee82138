import { execFile } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { type Socket, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { linuxSyslogParser } from '../parsers/linux-syslog'
import { rfc5424Parser } from '../parsers/rfc5424'
import type { ParseOutcome } from '../parsers/types'
import { type SyslogListener, type SyslogListenerOptions, type SyslogMessageMeta, createSyslogListener } from './listener'

const run = promisify(execFile)
const loggerPath = '/usr/bin/logger'
const hasLogger = existsSync(loggerPath)

interface Received {
  text: string
  meta: SyslogMessageMeta
}

const open: { listeners: SyslogListener[]; sockets: Socket[] } = { listeners: [], sockets: [] }

afterEach(async () => {
  for (const socket of open.sockets.splice(0)) socket.destroy()
  await Promise.all(open.listeners.splice(0).map((listener) => listener.close()))
})

async function listen(options: Partial<SyslogListenerOptions> = {}): Promise<{ listener: SyslogListener; received: Received[] }> {
  const received: Received[] = []
  const listener = await createSyslogListener({ udpPort: 0, tcpPort: 0, onMessage: (text, meta) => received.push({ text, meta }), ...options })
  open.listeners.push(listener)
  return { listener, received }
}

/** Waits until `condition` holds (the network is asynchronous), failing after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the listener')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function connectTcp(port: number): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port })
  open.sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  return socket
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())))
}

function write(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())))
}

function single(outcome: ParseOutcome): NormalizedEvent {
  if (outcome === null || Array.isArray(outcome) || !('ts' in outcome)) throw new Error(`expected one event, got ${JSON.stringify(outcome)}`)
  return outcome
}

const parseContext = { name: 'live', year: new Date().getUTCFullYear(), fileTime: null, timeZone: 'UTC' }

describe('syslog listener with util-linux logger as the sender (needs /usr/bin/logger)', () => {
  it.skipIf(!hasLogger)('UDP, RFC 5424: one datagram is one message, readable by the rfc5424 parser', async () => {
    const { listener, received } = await listen()
    const before = Date.now()
    await run(loggerPath, ['-n', '127.0.0.1', '-P', String(listener.udpPort), '-d', '--rfc5424', '-t', 'sshd', '--msgid', 'T1', 'Failed password for root from 192.0.2.9 port 4242 ssh2'])
    await until(() => received.length === 1)
    const [message] = received
    expect(message!.meta).toMatchObject({ transport: 'udp', remoteAddress: '127.0.0.1' })
    expect(message!.meta.receivedAt).toBeGreaterThanOrEqual(before)
    const event = single(rfc5424Parser.open(parseContext).parse(message!.text, 1))
    expect(event).toMatchObject({ action: 'ssh_failed', user: 'root', srcIp: '192.0.2.9', attrs: { app: 'sshd', msgid: 'T1', facility: 1, severity: 5 } })
    expect(Math.abs(event.ts - Date.now())).toBeLessThan(60_000)
    expect(listener.counters()).toMatchObject({ received: 1, dropped: 0, oversized: 0, malformed: 0 })
  })

  it.skipIf(!hasLogger)('TCP, RFC 3164: logger -T uses LF (non-transparent) framing', async () => {
    const { listener, received } = await listen()
    await run(loggerPath, ['-n', '127.0.0.1', '-P', String(listener.tcpPort), '-T', '--rfc3164', '-t', 'sshd', '-p', 'auth.info', 'Invalid user oracle from 198.51.100.7 port 50000'])
    await until(() => received.length === 1)
    expect(received[0]!.text).toMatch(/^<38>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ sshd: Invalid user oracle from 198\.51\.100\.7 port 50000$/)
    expect(received[0]!.meta.transport).toBe('tcp')
    const event = single(linuxSyslogParser.open(parseContext).parse(received[0]!.text, 1))
    expect(event).toMatchObject({ action: 'ssh_invalid_user', user: 'oracle', srcIp: '198.51.100.7', attrs: { facility: 4, severity: 6 } })
  })

  it.skipIf(!hasLogger)('TCP with --octet-count: RFC 6587 octet counting, structured data intact', async () => {
    const { listener, received } = await listen()
    const args = ['-n', '127.0.0.1', '-P', String(listener.tcpPort), '-T', '--octet-count', '--rfc5424', '--sd-id', 'origin@32473', '--sd-param', 'ip="192.0.2.1"']
    await run(loggerPath, [...args, 'first'])
    await run(loggerPath, [...args, 'second message\twith a tab'])
    await until(() => received.length === 2)
    const events = received.map((message) => single(rfc5424Parser.open(parseContext).parse(message.text, 1)))
    expect(events.map((event) => event.attrs.message)).toEqual(['first', 'second message\twith a tab'])
    expect(events[0]!.attrs.sd).toMatchObject({ 'origin@32473': { ip: '192.0.2.1' } })
  })

  it.skipIf(!hasLogger)('one logger connection sending a file: every line arrives, in order, in both TCP framings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'argus-syslog-'))
    try {
      const file = join(folder, 'lines.txt')
      const lines = Array.from({ length: 500 }, (_, index) => `line ${index} ${'x'.repeat(index % 50)}`)
      writeFileSync(file, `${lines.join('\n')}\n`)
      for (const framing of [[], ['--octet-count']]) {
        const { listener, received } = await listen()
        await run(loggerPath, ['-n', '127.0.0.1', '-P', String(listener.tcpPort), '-T', '--rfc5424', ...framing, '-f', file])
        await until(() => received.length === lines.length)
        expect(received.map((message) => message.text.slice(message.text.indexOf('] ') + 2))).toEqual(lines)
        expect(listener.counters()).toMatchObject({ received: 500, dropped: 0 })
      }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('syslog listener under load and abuse', () => {
  it('20,000 messages over one TCP connection, in big writes cut anywhere: all arrive, in order', async () => {
    const { listener, received } = await listen()
    const socket = await connectTcp(listener.tcpPort!)
    const total = 20_000
    let batch = ''
    for (let index = 0; index < total; index++) {
      const text = `<86>1 2026-11-21T10:00:00.000000Z web01 sshd ${index} - - Failed password for user${index % 97} from 10.0.${index % 250}.1 port ${index} ssh2`
      batch += `${Buffer.byteLength(text)} ${text}`
      if (batch.length > 60_000 || index === total - 1) {
        await write(socket, batch)
        batch = ''
      }
    }
    await until(() => received.length === total, 30_000)
    expect(received[0]!.text).toContain('sshd 0 - -')
    expect(received[total - 1]!.text).toContain(`sshd ${total - 1} - -`)
    expect(received.every((message, index) => message.text.includes(`port ${index} ssh2`))).toBe(true)
    expect(listener.counters()).toMatchObject({ received: total, dropped: 0, oversized: 0, malformed: 0, openConnections: 1 })
  })

  it('a few thousand UDP datagrams: what arrives is whole and unduplicated (UDP may drop, never merges)', async () => {
    const { listener, received } = await listen({ tcpPort: undefined })
    expect(listener.tcpPort).toBeNull()
    const client = createSocket('udp4')
    const total = 3000
    try {
      for (let index = 0; index < total; index++) {
        await new Promise<void>((resolve, reject) =>
          client.send(`<13>Nov 21 10:00:00 h app[${index}]: datagram ${index}\n`, listener.udpPort!, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
        )
      }
      // Nothing more can come once the count stops moving; on loopback it is normally all of them.
      let last = -1
      await until(() => {
        const settled = received.length === last
        last = received.length
        return received.length === total || (settled && received.length > 0)
      }, 15_000)
    } finally {
      await new Promise<void>((resolve) => client.close(() => resolve()))
    }
    expect(received.length).toBeGreaterThan(0)
    expect(received.length).toBeLessThanOrEqual(total)
    const numbers = received.map((message) => {
      const match = /^<13>Nov 21 10:00:00 h app\[(\d+)\]: datagram (\d+)$/.exec(message.text)
      expect(match?.[1]).toBe(match?.[2])
      return Number(match![1])
    })
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(listener.counters().received).toBe(received.length)
  })

  it('an oversized TCP frame is counted and skipped; the connection goes on (both framings)', async () => {
    const { listener, received } = await listen({ maxMessageBytes: 100 })
    const counted = await connectTcp(listener.tcpPort!)
    const big = `<13>${'x'.repeat(500)}`
    await write(counted, `5 <13>a${big.length} ${big}5 <13>b`)
    const lines = await connectTcp(listener.tcpPort!)
    await write(lines, `<13>c\n${big}\n<13>d\n`)
    await until(() => received.length === 4)
    expect(received.map((message) => message.text).sort()).toEqual(['<13>a', '<13>b', '<13>c', '<13>d'])
    expect(listener.counters()).toMatchObject({ received: 4, oversized: 2, dropped: 2, malformed: 0, openConnections: 2 })
    expect(counted.closed || lines.closed).toBe(false)
  })

  it('a broken octet-counting header closes that connection (no way to resynchronize) and is counted', async () => {
    const { listener, received } = await listen()
    const socket = await connectTcp(listener.tcpPort!)
    await write(socket, '5 <13>a12x <13>lost')
    await closed(socket)
    expect(received.map((message) => message.text)).toEqual(['<13>a'])
    expect(listener.counters()).toMatchObject({ received: 1, malformed: 1, dropped: 1 })
  })

  it('oversized and empty datagrams are counted and dropped', async () => {
    const { listener, received } = await listen({ maxMessageBytes: 100 })
    const client = createSocket('udp4')
    try {
      for (const payload of ['x'.repeat(101), '\n', '<13>fits\r\n']) {
        await new Promise<void>((resolve, reject) => client.send(payload, listener.udpPort!, '127.0.0.1', (error) => (error ? reject(error) : resolve())))
      }
      await until(() => listener.counters().received + listener.counters().dropped === 3)
    } finally {
      await new Promise<void>((resolve) => client.close(() => resolve()))
    }
    expect(received.map((message) => message.text)).toEqual(['<13>fits'])
    expect(listener.counters()).toMatchObject({ received: 1, oversized: 1, malformed: 1, dropped: 2 })
  })

  it('caps concurrent TCP connections; a freed slot can be used again', async () => {
    const { listener, received } = await listen({ maxConnections: 2 })
    await connectTcp(listener.tcpPort!)
    const second = await connectTcp(listener.tcpPort!)
    await until(() => listener.counters().openConnections === 2)
    const third = await connectTcp(listener.tcpPort!)
    await closed(third)
    expect(listener.counters()).toMatchObject({ refusedConnections: 1, openConnections: 2 })
    second.destroy()
    await until(() => listener.counters().openConnections === 1)
    const fourth = await connectTcp(listener.tcpPort!)
    await write(fourth, '<13>after\n')
    await until(() => received.length === 1)
    expect(received[0]!.text).toBe('<13>after')
  })

  it('port 0 reports the real ports; a port in use fails to start and leaves nothing bound', async () => {
    const { listener } = await listen()
    expect(listener.udpPort).toBeGreaterThan(0)
    expect(listener.tcpPort).toBeGreaterThan(0)
    await expect(createSyslogListener({ udpPort: 0, tcpPort: listener.tcpPort!, onMessage: () => {} })).rejects.toThrow(/EADDRINUSE/)
    await expect(createSyslogListener({ onMessage: () => {} })).rejects.toThrow(/udpPort, tcpPort/)
  })

  it('a throwing consumer costs one message, not the listener', async () => {
    let calls = 0
    const { listener } = await listen({
      onMessage: () => {
        calls++
        if (calls === 1) throw new Error('consumer bug')
      },
    })
    const socket = await connectTcp(listener.tcpPort!)
    await write(socket, '<13>one\n<13>two\n')
    await until(() => calls === 2)
    expect(listener.counters()).toMatchObject({ received: 1, dropped: 1 })
  })

  it('close() ends open connections and frees the ports', async () => {
    const { listener } = await listen()
    const socket = await connectTcp(listener.tcpPort!)
    await listener.close()
    await closed(socket)
    const again = await createSyslogListener({ udpPort: listener.udpPort!, tcpPort: listener.tcpPort!, onMessage: () => {} })
    open.listeners.push(again)
    expect(again.tcpPort).toBe(listener.tcpPort)
  })
})
