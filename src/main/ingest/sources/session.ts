import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { ArchiveLimitError, formatBytes, resolveLimits } from './limits'
import type { ArchiveLimits, WalkOptions } from './types'

/**
 * The state one walk shares across files and nesting levels: limits and their counters, the temp
 * folder, the abort signal, and the streams to destroy when the walk is aborted.
 */
export class WalkSession {
  readonly limits: ArchiveLimits
  readonly tempDir: string
  readonly signal: AbortSignal | undefined
  /** Set once the walk's total or member limit is crossed: archives met afterwards are skipped with this reason. */
  exhausted: string | null = null
  private readonly onCompressedBytes: ((bytes: number) => void) | undefined
  private compressedBytes = 0
  private totalBytes = 0
  private members = 0
  private readonly open = new Set<Readable>()
  private readonly onAbort = (): void => {
    for (const stream of this.open) stream.destroy(this.signal?.reason as Error)
    this.open.clear()
  }

  constructor(options: WalkOptions) {
    this.limits = resolveLimits(options.limits)
    this.tempDir = options.tempDir
    this.signal = options.signal
    this.onCompressedBytes = options.onCompressedBytes
    this.signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  /** Adds bytes of the user's files to the running total reported to onCompressedBytes. */
  addCompressedBytes(bytes: number): void {
    this.compressedBytes += bytes
    this.onCompressedBytes?.(this.compressedBytes)
  }

  /** Counts bytes taken out of an archive against maxTotalBytes; throws once over it. */
  countBytes(bytes: number): void {
    this.totalBytes += bytes
    if (this.totalBytes > this.limits.maxTotalBytes) {
      const reason = `decompression bomb: archives expand to over ${formatBytes(this.limits.maxTotalBytes)} in total`
      this.exhausted ??= `skipped: ${reason}`
      throw new ArchiveLimitError('maxTotalBytes', reason)
    }
  }

  /** Counts one archive member; false once over maxEntries or any walk-wide limit (see `exhausted`). */
  countMember(): boolean {
    if (this.exhausted !== null) return false
    this.members += 1
    if (this.members <= this.limits.maxEntries) return true
    this.exhausted ??= `skipped: archives hold over ${this.limits.maxEntries} entries`
    return false
  }

  /** A fresh file name in tempDir; never derived from anything inside an archive. */
  tempPath(extension: string): string {
    return join(this.tempDir, `nested-${randomBytes(8).toString('hex')}${extension}`)
  }

  /** Destroys the stream if the walk is aborted while it is open; returns the release function. */
  track(stream: Readable): () => void {
    if (this.signal?.aborted) stream.destroy(this.signal.reason as Error)
    else this.open.add(stream)
    return () => this.open.delete(stream)
  }

  throwIfAborted(): void {
    this.signal?.throwIfAborted()
  }

  /** The promise, or the signal's reason as soon as the walk is aborted. */
  abortable<T>(promise: Promise<T>): Promise<T> {
    const signal = this.signal
    if (!signal) return promise
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason)
      if (signal.aborted) onAbort()
      else signal.addEventListener('abort', onAbort, { once: true })
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort)
          resolve(value)
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort)
          reject(error)
        },
      )
    })
  }

  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort)
    this.open.clear()
  }
}

/**
 * Progress for one of the user's files: never reports more than its size, and reports whatever
 * is left when the walk moves past it (headers, skipped entries, a file given up on).
 */
export class ProgressAccount {
  private remaining: number
  private readonly report: ((bytes: number) => void) | undefined

  constructor(size: number, report: ((bytes: number) => void) | undefined) {
    this.remaining = size
    this.report = report
  }

  add(bytes: number): void {
    const counted = Math.min(bytes, this.remaining)
    if (counted <= 0) return
    this.remaining -= counted
    this.report?.(counted)
  }

  finish(): void {
    this.add(this.remaining)
  }
}
