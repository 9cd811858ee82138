import { Readable } from 'node:stream'
import { Parser, type ReadEntry } from 'tar'
import { ArchiveDamageError } from './limits'
import type { WalkSession } from './session'
import { AsyncQueue, streamChunkBytes } from './streams'

const maxNotices = 100

/** One member of a tar stream. Its stream must be read or destroyed before the next member comes. */
export interface TarMember {
  kind: 'member'
  /** The path as the archive spells it (pax and GNU long names applied); not yet checked. */
  path: string
  /** node-tar's type name: File, OldFile, ContiguousFile, Directory, SymbolicLink, Link, … */
  type: string
  size: number
  mtime: number | null
  /** The member's bytes; destroying it skips the rest of the member. */
  stream: Readable
}

/** Something the tar reader skipped or could not read; the stream goes on after it. */
export interface TarNotice {
  kind: 'notice'
  reason: string
}

/**
 * The members of an uncompressed tar stream, in order, never buffering more than a chunk:
 * node-tar's parser waits for each member to end before it reads on. A failure of the source
 * (a gzip bomb, a truncated gzip) errors the member being read and then ends the generator
 * with that error: what follows in the stream cannot be reached.
 */
export async function* readTar(source: Readable, session: WalkSession): AsyncGenerator<TarMember | TarNotice> {
  const parser = new Parser({ strict: false, zstd: false, brotli: false, maxMetaEntrySize: 1024 * 1024 })
  const queue = new AsyncQueue<TarMember | TarNotice>()
  const noticed = new Set<string>()
  // Skipped members do not hold the parser back, so their notices could pile up faster than they
  // are taken: past a hundred, one last notice says the rest were left out.
  const notice = (reason: string): void => {
    if (noticed.size > maxNotices || noticed.has(reason)) return
    noticed.add(reason)
    queue.push({ kind: 'notice', reason: noticed.size > maxNotices ? 'damaged tar: more problems not listed' : reason })
  }
  let current: Readable | null = null
  const fail = (error: Error): void => {
    current?.destroy(error)
    queue.fail(error)
  }
  parser.on('entry', (entry: ReadEntry) => {
    current = memberStream(entry)
    queue.push({ kind: 'member', path: entry.path, type: entry.type, size: entry.size, mtime: entry.mtime?.getTime() ?? null, stream: current })
  })
  parser.on('ignoredEntry', (entry: ReadEntry) => {
    const reason = entry.meta ? `skipped: oversized tar metadata header` : `skipped: unsupported tar entry type '${entry.type}'`
    notice(`${reason} (${entry.path})`)
  })
  // A damaged header makes the parser warn once per block it then skips: each message is said once.
  parser.on('warn', (_code: string, message: string) => notice(`damaged tar: ${message}`))
  parser.on('error', (error: Error) => fail(new ArchiveDamageError(`damaged tar: ${error.message}`)))
  parser.on('end', () => queue.end())
  source.on('error', fail)
  source.pipe(parser)
  try {
    for (;;) {
      const next = await session.abortable(queue.next())
      if (next.done) return
      yield next.value
    }
  } finally {
    source.unpipe(parser)
    source.destroy()
    ;(current as Readable | null)?.destroy()
  }
}

/**
 * A Node stream over one tar member. Destroying it drains the member so the parser can go on;
 * a member that ends short of its declared size (a truncated archive) errors instead of ending.
 */
function memberStream(entry: ReadEntry): Readable {
  let received = 0
  const onData = (chunk: Buffer): void => {
    received += chunk.length
    if (!stream.push(chunk)) entry.pause()
  }
  const onEnd = (): void => {
    if (received < entry.size) stream.destroy(new ArchiveDamageError(`truncated tar: member ends after ${received} of ${entry.size} bytes`))
    else stream.push(null)
  }
  const stream = new Readable({
    highWaterMark: streamChunkBytes,
    read() {
      entry.resume()
    },
    destroy(error, callback) {
      entry.off('data', onData)
      entry.off('end', onEnd)
      // With no data listener left, resume() discards the rest of the member.
      entry.resume()
      callback(error)
    },
  })
  entry.pause()
  entry.on('data', onData)
  entry.on('end', onEnd)
  // Attaching a data listener resumes a Minipass stream; wait for the reader to ask.
  entry.pause()
  return stream
}
