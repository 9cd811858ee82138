import type { Readable } from 'node:stream'

/** One file's bytes, from disk or from inside (nested) archives. */
export interface SourceEntry {
  kind: 'entry'
  /** The file the user named (or found in a named folder), absolute. */
  path: string
  /** Path inside the archive(s); nested archives joined with '!/' e.g. 'inner.tar.gz!/var/log/auth.log'; null for a plain file. */
  entry: string | null
  /** Uncompressed size when known up front (an archive's declared size for zip entries), else null. */
  size: number | null
  /** Modification time (epoch ms) of the file or archive entry, else null. */
  mtime: number | null
  /**
   * The decompressed bytes. Read it to the end (or destroy it) before asking the generator for the
   * next item: the walk destroys an unfinished stream when it moves on. It errors (instead of
   * ending) when the entry is damaged or trips a limit; the message says which.
   */
  stream: Readable
}

/** Something the walk could not deliver: an unreadable file, a refused or damaged archive entry. */
export interface SourceProblem {
  kind: 'problem'
  path: string
  entry: string | null
  reason: string
}

export type SourceItem = SourceEntry | SourceProblem

/** Guards against archives that expand without bound. Counted on the bytes that flow, never on declared sizes. */
export interface ArchiveLimits {
  /** Largest single archive entry, decompressed (default 8 GiB). */
  maxEntryBytes: number
  /** All bytes taken out of archives in one walk, including nested archives copied to tempDir (default 64 GiB). */
  maxTotalBytes: number
  /** Largest decompressed/compressed ratio of one decompression stream, checked past 10 MiB (default 200). */
  maxRatio: number
  /** Archives inside archives opened at most this deep; a .tar.gz counts once (default 4). */
  maxDepth: number
  /** Archive members across the walk (default 200,000). */
  maxEntries: number
}

export interface WalkOptions {
  /** A private folder the caller owns and deletes; the only place the walk writes (nested zips). */
  tempDir: string
  limits?: Partial<ArchiveLimits>
  /** Aborting destroys the entry being read and makes the generator throw the signal's reason. */
  signal?: AbortSignal
  /**
   * Bytes of the user's files consumed so far, as a running total (not increments). Each file
   * counts exactly its size on disk by the time the walk moves past it, so the total ends at the
   * sum of the files' sizes (see measureSources), whatever was skipped, damaged or nested.
   */
  onCompressedBytes?(bytes: number): void
}
