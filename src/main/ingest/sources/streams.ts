import { Readable, Transform, type Duplex } from 'node:stream'

export const streamChunkBytes = 64 * 1024

export function ignore(): void {}

/**
 * A pass-through that reports each chunk's length before passing it on; `onChunk` or `onEnd`
 * throwing destroys the stream with that error (how limits stop a stream while it flows).
 */
export function byteMeter(onChunk: (bytes: number, chunk: Buffer) => void, onEnd?: () => void): Transform {
  return new Transform({
    highWaterMark: streamChunkBytes,
    transform(chunk: Buffer, _encoding, callback) {
      try {
        onChunk(chunk.length, chunk)
      } catch (error) {
        callback(error as Error)
        return
      }
      callback(null, chunk)
    },
    flush(callback) {
      try {
        onEnd?.()
      } catch (error) {
        callback(error as Error)
        return
      }
      callback()
    },
  })
}

/**
 * Pipes each stream into the next and returns the last: an error anywhere destroys the last one
 * with that error (it is what the reader sees), and the last one closing, early or not, destroys
 * the others. pipeline() does the same but makes an AbortController and, when done, a
 * DOMException per call: on an archive of small files that costs more than the bytes.
 */
export function connect(first: Readable, ...rest: [...Duplex[], Duplex]): Duplex {
  const streams: Readable[] = [first, ...rest]
  const last = rest[rest.length - 1] as Duplex
  const destroyAll = (): void => {
    for (const stream of streams) stream.destroy()
  }
  for (let index = 0; index < rest.length; index += 1) {
    const from = streams[index] as Readable
    from.on('error', (error) => {
      last.destroy(error)
      destroyAll()
    })
    from.pipe(rest[index] as Duplex)
  }
  last.once('close', destroyAll)
  return last
}

export interface PeekedStream {
  /** Up to the requested number of first bytes (fewer when the stream is shorter). */
  head: Buffer
  /** The whole stream again, head included. Destroying it destroys the source. */
  stream: Readable
}

/**
 * Reads the first bytes of a stream to decide what it holds, and hands back a stream that replays
 * them before the rest. Rejects with the source's error when it fails before `length` bytes.
 */
export async function peekStream(source: Readable, length: number): Promise<PeekedStream> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let size = 0
  let done = false
  while (size < length) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    chunks.push(next.value)
    size += next.value.length
  }
  const collected = Buffer.concat(chunks, size)
  const stream = new Readable({
    highWaterMark: streamChunkBytes,
    read() {
      iterator.next().then(
        (next) => this.push(next.done ? null : next.value),
        (error: Error) => this.destroy(error),
      )
    },
    destroy(error, callback) {
      source.destroy()
      callback(error)
    },
  })
  if (size > 0) stream.push(collected)
  if (done) stream.push(null)
  return { head: collected.subarray(0, length), stream }
}

/** A one-consumer queue between event callbacks and an async generator. */
export class AsyncQueue<T> {
  private readonly items: T[] = []
  private ended = false
  private failure: { error: unknown } | null = null
  private waiter: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } | null = null

  push(item: T): void {
    if (this.ended || this.failure) return
    if (this.waiter) this.settle().resolve({ done: false, value: item })
    else this.items.push(item)
  }

  end(): void {
    this.ended = true
    if (this.waiter && this.items.length === 0) this.settle().resolve({ done: true, value: undefined })
  }

  /** Fails the next read once the queued items are taken, so what came before the failure is kept. */
  fail(error: unknown): void {
    if (this.ended || this.failure) return
    this.failure = { error }
    if (this.waiter && this.items.length === 0) this.settle().reject(error)
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift()
    if (item !== undefined) return Promise.resolve({ done: false, value: item })
    if (this.failure) return Promise.reject(this.failure.error)
    if (this.ended) return Promise.resolve({ done: true, value: undefined })
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject }
    })
  }

  private settle(): { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } {
    const waiter = this.waiter
    this.waiter = null
    if (!waiter) throw new Error('AsyncQueue: no reader is waiting')
    return waiter
  }
}
