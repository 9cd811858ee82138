import { ArgusError } from '../../shared/errors'
import type { SyslogStatus } from '../../shared/contract'
import { dispatch } from '../api/dispatch'
import { openEngine } from '../api/engine'
import { parsePort } from './usage'

export const listenOptions = {
  host: { type: 'string' },
  'udp-port': { type: 'string' },
  'tcp-port': { type: 'string' },
} as const

/** `argus listen`: the live syslog listener until Ctrl+C, with its counters on stderr. */
export async function runListen(values: Record<string, unknown>): Promise<number> {
  const udpPort = parsePort(values['udp-port'], '--udp-port')
  const tcpPort = parsePort(values['tcp-port'], '--tcp-port')
  const input = {
    ...(typeof values.host === 'string' ? { host: values.host } : {}),
    // Both transports on the conventional unprivileged port unless told otherwise.
    ...(udpPort === undefined && tcpPort === undefined ? { udpPort: 5514, tcpPort: 5514 } : {}),
    ...(udpPort !== undefined ? { udpPort } : {}),
    ...(tcpPort !== undefined ? { tcpPort } : {}),
  }
  const engine = await openEngine({ workspacePath: String(values.db), door: 'cli', workerThreads: 1 })
  try {
    const started = await dispatch(engine.handlers, 'syslog:start', input)
    if (!started.ok) throw new ArgusError(started.error.code, started.error.message)
    const status = started.value as SyslogStatus
    if (status.state !== 'running') throw new ArgusError('internal', status.error ?? 'the listener did not start')
    const ports = [status.udpPort !== null ? `udp ${status.udpPort}` : null, status.tcpPort !== null ? `tcp ${status.tcpPort}` : null].filter(Boolean)
    console.log(`Listening for syslog on ${status.host} (${ports.join(', ')}) into ${engine.workspace.path}`)
    console.log('Press Ctrl+C to stop.')
    const stopCounters = engine.bus.on('syslog:status', (update) => {
      process.stderr.write(`\r${describe(update)}${process.stderr.isTTY ? '\x1b[K' : '\n'}`)
    })
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    stopCounters()
    const final = await engine.syslog.stop()
    process.stderr.write('\n')
    console.log(`Stopped: ${describe(final)}`)
    return 0
  } finally {
    await engine.close()
  }
}

function describe(status: SyslogStatus): string {
  return `received ${status.received}, parsed ${status.parsed}, rejected ${status.rejected}, dropped ${status.dropped}${status.error ? ` (${status.error})` : ''}`
}
