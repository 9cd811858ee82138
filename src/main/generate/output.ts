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

/** One output file; each flush of a stream reaches it as one chunk, one system call. */
export class FileSink {
  private readonly fd: number
  rows = 0
  bytes = 0

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true })
    this.fd = openSync(path, 'w')
  }

  /** Writes `lines`, each followed by a newline. */
  writeLines(lines: readonly string[]): void {
    if (lines.length === 0) return
    this.bytes += writeSync(this.fd, lines.join('\n') + '\n')
    this.rows += lines.length
  }

  close(): void {
    closeSync(this.fd)
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

  constructor(
    private readonly output: Output,
    readonly name: StreamName,
    readonly sink: FileSink,
  ) {}

  push(ts: number, line: string): void {
    // A line built from a template is a tree of string pieces; reading a character flattens it
    // in place, so the line waits until the flush as one string instead of dozens of pieces
    // that every young-generation GC would copy (measured: GC time halves).
    line.charCodeAt(0)
    this.times.push(ts)
    this.lines.push(line)
    const marker = this.output.marker
    if (marker !== null) {
      marker.dates.add(dateOf(ts))
      marker.streams.add(this.name)
    }
  }

  /** Writes every waiting line before `until` in time order (ties keep their arrival order). */
  flush(until: number): void {
    const order: number[] = []
    for (let index = 0; index < this.times.length; index++) order.push(index)
    const times = this.times
    order.sort((left, right) => (times[left] as number) - (times[right] as number) || left - right)
    const keptTimes: number[] = []
    const keptLines: string[] = []
    const written: string[] = []
    for (const index of order) {
      const ts = times[index] as number
      if (ts < until) written.push(this.lines[index] as string)
      else {
        keptTimes.push(ts)
        keptLines.push(this.lines[index] as string)
      }
    }
    this.sink.writeLines(written)
    this.times = keptTimes
    this.lines = keptLines
  }
}

/** Where an attack's lines went: the dates they fall on and the streams they were written to. */
export interface Marks {
  dates: Set<string>
  streams: Set<StreamName>
}

/** The open streams of one generation run, and the labelling marker attacks write under. */
export class Output {
  readonly streams: Record<StreamName, Stream>
  /** While an attack writes, the dates of its lines (its label days) and the files it touched. */
  marker: Marks | null = null

  /** `directory` is the folder the log files go to (the generator's `DIR/logs`). */
  constructor(readonly directory: string) {
    const streams = {} as Record<StreamName, Stream>
    for (const name of streamNames) {
      const file = streamFiles[name]
      const sink = new FileSink(join(directory, file.path))
      if (file.header !== null) {
        sink.writeLines([file.header])
        sink.rows = 0
      }
      streams[name] = new Stream(this, name, sink)
    }
    this.streams = streams
  }

  /** Runs `write` with every line it pushes counted as attack activity, into `marks`. */
  marked(marks: Marks, write: () => void): void {
    this.marker = marks
    try {
      write()
    } finally {
      this.marker = null
    }
  }

  flush(until: number): void {
    for (const name of streamNames) this.streams[name].flush(until)
  }

  close(): void {
    this.flush(Number.POSITIVE_INFINITY)
    for (const name of streamNames) this.streams[name].sink.close()
  }
}
