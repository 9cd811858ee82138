import type { MessagePort } from 'node:worker_threads'
import type { NormalizedEvent } from '../../shared/event'
import type { ImportWriter, SourceFinish } from '../store/queries/import-writer'

/**
 * Where one file's rows go: a transaction on the writing connection, opened per file. Locally it
 * is that connection; across threads the rows stream to a writer thread, so parsing the next
 * batch overlaps inserting the last one (on two cores, close to twice the throughput).
 */
export interface EntryWriter {
  /** Begins the file's transaction and its source row; returns the source id. */
  open(path: string, entry: string | null, format: string | null, sizeBytes: number | null): Promise<number>
  event(lineNo: number, event: NormalizedEvent): void
  reject(lineNo: number, reason: string, excerpt: string): void
  profile(lineNo: number, user: string, kind: string, fields: unknown): void
  /** Hands over what is buffered; waits while the writer is too far behind (memory stays bounded). */
  flush(): Promise<void>
  /** Finishes the file: an earlier import with the same hash rolls it back (returns that id); else commits. */
  close(finish: SourceFinish, name: string): Promise<number | null>
  /** Rolls the open file back. */
  abandon(): Promise<void>
}

type Row =
  // Attrs cross as JSON text: cheaper to copy between threads than a nested object, and the
  // writer stores that text as it is.
  | { kind: 'event'; lineNo: number; event: NormalizedEvent; attrsText?: string }
  | { kind: 'reject'; lineNo: number; reason: string; excerpt: string }
  | { kind: 'profile'; lineNo: number; user: string; profileKind: string; fields: unknown }

/** Import thread → writer thread. */
export type WriterCommand =
  | { seq: number; type: 'open'; path: string; entry: string | null; format: string | null; sizeBytes: number | null }
  | { seq: number; type: 'rows'; rows: Row[] }
  | { seq: number; type: 'close'; finish: SourceFinish; name: string }
  | { seq: number; type: 'abandon' }
  | { seq: number; type: 'shutdown' }

/** Writer thread → import thread. */
export type WriterReply = { seq: number; value: number | null } | { seq: number; error: string }

/** The writer on this thread's own connection (tests, and the writer thread itself). */
export function localEntryWriter(writer: ImportWriter): EntryWriter & { apply(rows: readonly Row[]): void } {
  let sourceId: number | null = null
  const current = (): number => {
    if (sourceId === null) throw new Error('no file is open')
    return sourceId
  }
  const apply = (rows: readonly Row[]): void => {
    const id = current()
    for (const row of rows) {
      if (row.kind === 'event') writer.event(id, row.lineNo, row.event, row.attrsText)
      else if (row.kind === 'reject') writer.reject(id, row.lineNo, row.reason, row.excerpt)
      else writer.profile(id, row.lineNo, row.user, row.profileKind, row.fields)
    }
  }
  return {
    apply,
    async open(path, entry, format, sizeBytes) {
      writer.begin()
      sourceId = writer.startSource(path, entry, format, sizeBytes)
      return sourceId
    },
    event: (lineNo, event) => apply([{ kind: 'event', lineNo, event }]),
    reject: (lineNo, reason, excerpt) => apply([{ kind: 'reject', lineNo, reason, excerpt }]),
    profile: (lineNo, user, kind, fields) => apply([{ kind: 'profile', lineNo, user, profileKind: kind, fields }]),
    async flush() {},
    async close(finish, name) {
      const id = current()
      sourceId = null
      const duplicateOf = finish.sha256 === null ? null : writer.duplicateOf(finish.sha256, id)
      if (duplicateOf !== null) {
        writer.rollback()
        return duplicateOf
      }
      writer.finish(id, finish, name)
      writer.commit()
      return null
    },
    async abandon() {
      sourceId = null
      writer.rollback()
    },
  }
}

/** Runs on the writer thread: applies commands from the import thread until it says shutdown. */
export function serveEntryWriter(port: MessagePort, writer: ImportWriter): Promise<void> {
  const local = localEntryWriter(writer)
  return new Promise((resolve) => {
    // The import thread died without saying goodbye: nothing of its open file may land.
    port.once('close', () => {
      writer.rollback()
      resolve()
    })
    port.on('message', (command: WriterCommand) => {
      const reply = (value: number | null): void => port.postMessage({ seq: command.seq, value } satisfies WriterReply)
      void (async () => {
        try {
          switch (command.type) {
            case 'open':
              return reply(await local.open(command.path, command.entry, command.format, command.sizeBytes))
            case 'rows':
              local.apply(command.rows)
              return reply(null)
            case 'close':
              return reply(await local.close(command.finish, command.name))
            case 'abandon':
              await local.abandon()
              return reply(null)
            case 'shutdown':
              writer.rollback()
              reply(null)
              port.close()
              return resolve()
          }
        } catch (error) {
          port.postMessage({ seq: command.seq, error: (error as Error).message } satisfies WriterReply)
        }
      })()
    })
  })
}

/** Batches of this many rows cross to the writer; at most `inFlight` batches wait there. */
const batchRows = 2048
const inFlight = 4

/** The import thread's side: rows are buffered and streamed; open/close/abandon wait for the writer. */
export function remoteEntryWriter(port: MessagePort): EntryWriter & { shutdown(): Promise<void> } {
  let nextSeq = 1
  const pending = new Map<number, { resolve(value: number | null): void; reject(error: Error): void }>()
  let buffer: Row[] = []
  // The writer answers in order, so waiting for the oldest batch bounds what is in flight.
  const outstanding: Promise<unknown>[] = []
  let failure: Error | null = null
  port.on('message', (reply: WriterReply) => {
    const waiter = pending.get(reply.seq)
    pending.delete(reply.seq)
    if ('error' in reply) {
      failure ??= new Error(reply.error)
      waiter?.reject(new Error(reply.error))
    } else {
      waiter?.resolve(reply.value)
    }
  })
  type Unsent = WriterCommand extends infer C ? (C extends { seq: number } ? Omit<C, 'seq'> : never) : never
  const send = (command: Unsent): Promise<number | null> => {
    const seq = nextSeq++
    return new Promise((resolve, reject) => {
      pending.set(seq, { resolve, reject })
      port.postMessage({ ...command, seq } as WriterCommand)
    })
  }
  const push = (row: Row): void => {
    buffer.push(row)
  }
  const sendBatch = async (): Promise<void> => {
    if (buffer.length === 0) return
    const rows = buffer
    buffer = []
    // A failed batch surfaces at the next flush or close (through `failure`), never unhandled.
    outstanding.push(send({ type: 'rows', rows }).catch(() => undefined))
    if (outstanding.length >= inFlight) await outstanding.shift()
  }
  const checkFailure = (): void => {
    if (failure) throw failure
  }
  return {
    open: (path, entry, format, sizeBytes) => send({ type: 'open', path, entry, format, sizeBytes }) as Promise<number>,
    event: (lineNo, event) => {
      const attrsText = JSON.stringify(event.attrs)
      // The parser's event is not used again once handed over; emptying it spares the copy.
      event.attrs = {}
      push({ kind: 'event', lineNo, event, attrsText })
    },
    reject: (lineNo, reason, excerpt) => push({ kind: 'reject', lineNo, reason, excerpt }),
    profile: (lineNo, user, kind, fields) => push({ kind: 'profile', lineNo, user, profileKind: kind, fields }),
    async flush() {
      checkFailure()
      if (buffer.length >= batchRows) await sendBatch()
    },
    async close(finish, name) {
      await sendBatch()
      await Promise.all(outstanding.splice(0))
      checkFailure()
      return send({ type: 'close', finish, name })
    },
    async abandon() {
      buffer = []
      await send({ type: 'abandon' })
    },
    async shutdown() {
      await send({ type: 'shutdown' })
      port.close()
    },
  }
}
