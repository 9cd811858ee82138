// The live syslog listener's network side: UDP datagrams and RFC 6587 TCP streams in, message
// texts out. It knows nothing of parsing or storage; the caller's onMessage does that (and counts
// parsed / rejected). Binds 127.0.0.1 unless told otherwise: a workstation tool should not be a
// syslog server for the whole network by accident.

import { type Socket as UdpSocket, createSocket } from 'node:dgram'
import { type Server, type Socket, createServer, isIPv6 } from 'node:net'
import { SyslogFrameDecoder } from './framing'

/** Where and how one message arrived. */
export interface SyslogMessageMeta {
  transport: 'udp' | 'tcp'
  remoteAddress: string
  remotePort: number
  /** Epoch ms when the datagram or the frame's last byte was read. */
  receivedAt: number
}

/** What the listener is asked to do. */
export interface SyslogListenerOptions {
  /** Interface to bind; 127.0.0.1 by default. */
  host?: string
  /** UDP port; 0 picks a free one; absent: no UDP. */
  udpPort?: number
  /** TCP port; 0 picks a free one; absent: no TCP. */
  tcpPort?: number
  /** Longest message accepted, in bytes; longer ones are counted as oversized and dropped. 64 KiB by default. */
  maxMessageBytes?: number
  /** Concurrent TCP connections; more are closed at once and counted. 64 by default. */
  maxConnections?: number
  /** Receives every message. It should not throw; if it does, the message counts as dropped. */
  onMessage(text: string, meta: SyslogMessageMeta): void
}

/**
 * Counts since the listener started. `received` + `dropped` is every message that arrived
 * whole or was discarded; `oversized` and `malformed` say why some were dropped. `parsed` and
 * `rejected` are for the consumer that parses (the listener does not).
 */
export interface SyslogCounters {
  received: number
  parsed?: number
  rejected?: number
  dropped: number
  oversized: number
  /** Empty datagrams, broken octet-counting headers, connections cut inside a frame. */
  malformed: number
  /** Connections closed because `maxConnections` were open. */
  refusedConnections: number
  openConnections: number
}

/** A running listener. */
export interface SyslogListener {
  /** The bound ports (the real ones when 0 was asked); null for a transport not enabled. */
  readonly udpPort: number | null
  readonly tcpPort: number | null
  counters(): SyslogCounters
  /** Stops listening, closes every connection; resolves when the sockets are closed. */
  close(): Promise<void>
}

const defaultMaxMessageBytes = 64 * 1024
const defaultMaxConnections = 64
/** Asked of the kernel so a burst of datagrams waits in the socket instead of being dropped. */
const udpReceiveBuffer = 4 * 1024 * 1024

/** Binds the requested transports; rejects (with nothing left open) when either cannot bind. */
export async function createSyslogListener(options: SyslogListenerOptions): Promise<SyslogListener> {
  if (options.udpPort === undefined && options.tcpPort === undefined) throw new Error('syslog listener: give udpPort, tcpPort or both')
  const host = options.host ?? '127.0.0.1'
  const maxMessageBytes = options.maxMessageBytes ?? defaultMaxMessageBytes
  const maxConnections = options.maxConnections ?? defaultMaxConnections
  const counts = { received: 0, dropped: 0, oversized: 0, malformed: 0, refusedConnections: 0 }
  const connections = new Set<Socket>()

  function deliver(text: string, meta: SyslogMessageMeta): void {
    try {
      options.onMessage(text, meta)
      counts.received++
    } catch {
      counts.dropped++
    }
  }

  let udp: UdpSocket | null = null
  let tcp: Server | null = null
  try {
    if (options.udpPort !== undefined) {
      udp = await bindUdp(host, options.udpPort, (datagram, address, port) => {
        let length = datagram.length
        // A trailer some senders add to datagrams too (LF, CRLF, NUL) is not part of the message.
        while (length > 0 && (datagram[length - 1] === 0x0a || datagram[length - 1] === 0x0d || datagram[length - 1] === 0x00)) length--
        if (datagram.length > maxMessageBytes) {
          counts.oversized++
          counts.dropped++
        } else if (length === 0) {
          counts.malformed++
          counts.dropped++
        } else {
          deliver(datagram.toString('utf8', 0, length), { transport: 'udp', remoteAddress: address, remotePort: port, receivedAt: Date.now() })
        }
      })
    }
    if (options.tcpPort !== undefined) {
      tcp = await listenTcp(host, options.tcpPort, (socket) => {
        if (connections.size >= maxConnections) {
          counts.refusedConnections++
          socket.destroy()
          return
        }
        connections.add(socket)
        const remoteAddress = socket.remoteAddress ?? ''
        const remotePort = socket.remotePort ?? 0
        const framing = new SyslogFrameDecoder(maxMessageBytes, {
          frame: (bytes) => {
            const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
            deliver(text, { transport: 'tcp', remoteAddress, remotePort, receivedAt: Date.now() })
          },
          oversized: () => {
            counts.oversized++
            counts.dropped++
          },
          malformed: () => {
            counts.malformed++
            counts.dropped++
          },
        })
        socket.on('data', (chunk: Buffer) => {
          if (!framing.push(chunk)) socket.destroy()
        })
        socket.on('end', () => {
          framing.end()
          socket.end()
        })
        // A reset from the sender is its business; the connection just goes.
        socket.on('error', () => socket.destroy())
        socket.on('close', () => connections.delete(socket))
      })
    }
  } catch (error) {
    await closeAll(udp, tcp, connections)
    throw error
  }

  const udpPort = udp === null ? null : udp.address().port
  const tcpAddress = tcp?.address()
  const tcpPort = tcpAddress && typeof tcpAddress === 'object' ? tcpAddress.port : null
  let closing: Promise<void> | null = null
  return {
    udpPort,
    tcpPort,
    counters: () => ({ ...counts, openConnections: connections.size }),
    close: () => (closing ??= closeAll(udp, tcp, connections)),
  }
}

function bindUdp(host: string, port: number, onDatagram: (datagram: Buffer, address: string, port: number) => void): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4', recvBufferSize: udpReceiveBuffer })
    const fail = (error: Error): void => {
      socket.close()
      reject(error)
    }
    socket.once('error', fail)
    socket.on('message', (datagram, remote) => onDatagram(datagram, remote.address, remote.port))
    socket.bind({ port, address: host }, () => {
      socket.off('error', fail)
      // After binding, a socket error (e.g. ICMP unreachable echoes) must not crash the process.
      socket.on('error', () => {})
      resolve(socket)
    })
  })
}

function listenTcp(host: string, port: number, onConnection: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ noDelay: true }, onConnection)
    server.once('error', reject)
    server.listen({ port, host }, () => {
      server.off('error', reject)
      server.on('error', () => {})
      resolve(server)
    })
  })
}

async function closeAll(udp: UdpSocket | null, tcp: Server | null, connections: Set<Socket>): Promise<void> {
  const closed: Promise<void>[] = []
  if (udp !== null) closed.push(new Promise((resolve) => udp.close(() => resolve())))
  if (tcp !== null && tcp.listening) closed.push(new Promise((resolve) => tcp.close(() => resolve())))
  for (const socket of connections) socket.destroy()
  await Promise.all(closed)
}
