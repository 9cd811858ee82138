import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { dateOf } from './calendar'

/** Every file the generator writes events to, by stream name. */
export const streamFiles = {
  authLog: { path: 'auth.log', format: 'linux-syslog', header: null },
  ecsAuthentication: { path: 'ecs/authentication.ndjson', format: 'ecs-json', header: null },
  ecsProcess: { path: 'ecs/process.ndjson', format: 'ecs-json', header: null },
  ecsFile: { path: 'ecs/file.ndjson', format: 'ecs-json', header: null },
  ecsNetwork: { path: 'ecs/network.ndjson', format: 'ecs-json', header: null },
  ecsWeb: { path: 'ecs/web.ndjson', format: 'ecs-json', header: null },
  certLogon: { path: 'cert/logon.csv', format: 'cert-insider', header: 'id,date,user,pc,activity' },
  certDevice: { path: 'cert/device.csv', format: 'cert-insider', header: 'id,date,user,pc,file_tree,activity' },
  certFile: {
    path: 'cert/file.csv',
    format: 'cert-insider',
    header: 'id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content',
  },
  certEmail: { path: 'cert/email.csv', format: 'cert-insider', header: 'id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content' },
  certHttp: { path: 'cert/http.csv', format: 'cert-insider', header: 'id,date,user,pc,url,activity,content' },
  transactions: {
    path: 'transactions.csv',
    format: 'transaction-csv',
    header: 'txn_id,timestamp,user_id,amount,currency,counterparty,channel,type,status',
  },
} as const

export type StreamName = keyof typeof streamFiles
export const streamNames = Object.keys(streamFiles) as StreamName[]

/** One file written in large chunks: string concatenation is cheap, system calls are not. */
export class FileSink {
  private readonly fd: number
  private buffer = ''
  rows = 0
  bytes = 0

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true })
    this.fd = openSync(path, 'w')
  }

  writeLine(line: string): void {
    this.buffer += line + '\n'
    this.rows++
    if (this.buffer.length > 1 << 22) this.drain()
  }

  close(): void {
    this.drain()
    closeSync(this.fd)
  }

  private drain(): void {
    if (this.buffer === '') return
    this.bytes += writeSync(this.fd, this.buffer)
    this.buffer = ''
  }
}

/**
 * Lines of one file waiting to be written in time order. Generation goes user by user, so a
 * day's lines arrive out of order; a night session can spill past midnight, so lines later than
 * the day being flushed wait for the next flush.
 */
export class Stream {
  private times: number[] = []
  private lines: string[] = []
  /** Lines pushed so far, written or not. */
  pushed = 0

  constructor(
    private readonly output: Output,
    readonly sink: FileSink,
  ) {}

  push(ts: number, line: string): void {
    this.times.push(ts)
    this.lines.push(line)
    this.pushed++
    this.output.marker?.add(dateOf(ts))
  }

  /** Writes every waiting line before `until` in time order (ties keep their arrival order). */
  flush(until: number): void {
    const order: number[] = []
    for (let index = 0; index < this.times.length; index++) order.push(index)
    const times = this.times
    order.sort((left, right) => (times[left] as number) - (times[right] as number) || left - right)
    const keptTimes: number[] = []
    const keptLines: string[] = []
    for (const index of order) {
      const ts = times[index] as number
      if (ts < until) this.sink.writeLine(this.lines[index] as string)
      else {
        keptTimes.push(ts)
        keptLines.push(this.lines[index] as string)
      }
    }
    this.times = keptTimes
    this.lines = keptLines
  }
}

/** The open streams of one generation run, and the labelling marker attacks write under. */
export class Output {
  readonly streams: Record<StreamName, Stream>
  /** While an attack writes, the dates of its lines are collected here (its label days). */
  marker: Set<string> | null = null

  constructor(readonly directory: string) {
    const streams = {} as Record<StreamName, Stream>
    for (const name of streamNames) {
      const file = streamFiles[name]
      const sink = new FileSink(join(directory, file.path))
      if (file.header !== null) {
        sink.writeLine(file.header)
        sink.rows = 0
      }
      streams[name] = new Stream(this, sink)
    }
    this.streams = streams
  }

  /** Runs `write` with every line it pushes counted as attack activity; returns the dates touched. */
  marked(write: () => void): Set<string> {
    const dates = new Set<string>()
    this.marker = dates
    try {
      write()
    } finally {
      this.marker = null
    }
    return dates
  }

  flush(until: number): void {
    for (const name of streamNames) this.streams[name].flush(until)
  }

  close(): void {
    this.flush(Number.POSITIVE_INFINITY)
    for (const name of streamNames) this.streams[name].sink.close()
  }
}
