import type { SyslogStart, SyslogStatus } from '../../shared/contract'
import type { NormalizedEvent } from '../../shared/event'
import { linuxSyslogParser } from '../parsers/linux-syslog'
import { rfc5424Parser } from '../parsers/rfc5424'
import type { ParseOutcome, RecordParser } from '../parsers/types'
import { createImportWriter } from '../store/queries/import-writer'
import { createSyslogListener, type SyslogMessageMeta } from './listener'
import { openWorkerConnection } from '../store/database'

export interface LiveIngestOptions {
  nativeBinding?: string | null
  isCancelled(): boolean
  report(status: SyslogStatus): void
  /** How often parsed messages are committed (and counters reported). */
  flushEveryMs?: number
}

const maxPending = 20_000

/**
 * The live syslog listener, run inside a worker of its own: receives messages, parses them with
 * the same parsers as files (RFC 5424 when the message says `<PRI>1`, else RFC 3164), and
 * commits them in small batches so they show up, and can be scored, within a second.
 */
export async function runLiveIngest(workspacePath: string, start: SyslogStart, options: LiveIngestOptions): Promise<SyslogStatus> {
  const sqlite = openWorkerConnection(workspacePath, { nativeBinding: options.nativeBinding ?? null })
  const writer = createImportWriter(sqlite)
  const status: SyslogStatus = {
    state: 'starting', host: start.host, udpPort: null, tcpPort: null, received: 0, parsed: 0, rejected: 0, dropped: 0,
    sourceId: null, startedAt: Date.now(), error: null,
  }
  const context = { name: 'syslog', year: null, fileTime: Date.now(), timeZone: 'UTC' }
  const parsers: { rfc5424: RecordParser; rfc3164: RecordParser } = {
    rfc5424: rfc5424Parser.open(context),
    rfc3164: linuxSyslogParser.open(context),
  }
  const pending: { text: string; messageNo: number }[] = []
  let messageNo = 0
  let overflow = 0
  let stored = 0

  let listener
  try {
    listener = await createSyslogListener({
      host: start.host,
      ...(start.udpPort !== undefined ? { udpPort: start.udpPort } : {}),
      ...(start.tcpPort !== undefined ? { tcpPort: start.tcpPort } : {}),
      onMessage(text: string, _meta: SyslogMessageMeta) {
        messageNo += 1
        // A flood faster than the disk: drop and count rather than grow without bound.
        if (pending.length >= maxPending) overflow += 1
        else pending.push({ text, messageNo })
      },
    })
  } catch (error) {
    sqlite.close()
    return { ...status, state: 'failed', error: `cannot listen on ${start.host}: ${(error as Error).message}` }
  }
  status.udpPort = listener.udpPort
  status.tcpPort = listener.tcpPort
  const where = [status.udpPort !== null ? `udp ${status.udpPort}` : '', status.tcpPort !== null ? `tcp ${status.tcpPort}` : ''].filter(Boolean).join(', ')
  writer.begin()
  const sourceId = writer.startSource(`syslog://${start.host} (${where})`, null, 'syslog', null)
  writer.commit()
  status.sourceId = sourceId
  status.state = 'running'
  options.report({ ...status })

  const flush = (): void => {
    const batch = pending.splice(0)
    if (batch.length > 0) {
      writer.begin()
      for (const { text, messageNo: lineNo } of batch) {
        const parser = /^<\d{1,3}>1 /.test(text) ? parsers.rfc5424 : parsers.rfc3164
        take(safeParse(parser, text, lineNo), lineNo, text)
      }
      writer.counts(sourceId, stored, status.rejected)
      writer.commit()
    }
    const counters = listener.counters()
    status.received = counters.received
    status.dropped = counters.dropped + overflow
    options.report({ ...status })
  }
  const take = (outcome: ParseOutcome, lineNo: number, text: string): void => {
    if (outcome === null) return
    const events: NormalizedEvent[] = Array.isArray(outcome) ? outcome : 'ts' in outcome ? [outcome] : []
    if (events.length > 0) {
      for (const event of events) writer.event(sourceId, lineNo, event)
      stored += events.length
      status.parsed += 1
    } else if ('reject' in outcome) {
      writer.reject(sourceId, lineNo, outcome.reject, text.slice(0, 200))
      status.rejected += 1
    }
  }

  const everyMs = options.flushEveryMs ?? 250
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      try {
        flush()
      } catch (error) {
        writer.rollback()
        status.error = `could not store messages: ${(error as Error).message}`
      }
      if (options.isCancelled()) {
        clearInterval(timer)
        resolve()
      }
    }, everyMs)
  })
  await listener.close()
  flush()
  writer.begin()
  writer.finish(sourceId, { status: 'done', format: 'syslog', sha256: null, sizeBytes: null, events: stored, rejects: status.rejected, error: null }, 'syslog')
  writer.commit()
  sqlite.close()
  return { ...status, state: 'stopped' }
}

function safeParse(parser: RecordParser, text: string, lineNo: number): ParseOutcome {
  try {
    return parser.parse(text, lineNo)
  } catch (error) {
    return { reject: `parser error: ${(error as Error).message}` }
  }
}
