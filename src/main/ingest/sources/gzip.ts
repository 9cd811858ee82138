import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { ArchiveDamageError, checkRatio } from './limits'
import { byteMeter, connect, streamChunkBytes } from './streams'
import type { ArchiveLimits } from './types'

/**
 * Decompresses a gzip stream (every member of a multi-member file), stopping with a
 * decompression-bomb error when the output outgrows the input past the ratio limit. The size
 * of what comes out is checked by whoever reads it (an entry, a tar member).
 */
export function gunzipStream(source: Readable, limits: ArchiveLimits): Readable {
  let decompressed = 0
  const gunzip = createGunzip({ chunkSize: streamChunkBytes })
  const output = byteMeter((bytes) => {
    decompressed += bytes
    // bytesWritten is the input zlib has consumed, not what waits in its buffer: a ratio on
    // bytes merely written would let a bomb run on by the read-ahead times the ratio.
    checkRatio(decompressed, gunzip.bytesWritten, limits)
  })
  // Registered before connect() so the reader sees this message rather than zlib's bare one.
  gunzip.once('error', (error: NodeJS.ErrnoException) => output.destroy(gzipError(error)))
  return connect(source, gunzip, output)
}

function gzipError(error: NodeJS.ErrnoException): Error {
  if (error.code === 'Z_BUF_ERROR') return new ArchiveDamageError(`truncated gzip: ${error.message}`)
  return new ArchiveDamageError(`damaged gzip: ${error.message}`)
}

/** The MTIME of a gzip header (epoch ms), or null when the writer left it at 0. */
export function gzipModifiedTime(head: Buffer): number | null {
  if (head.length < 8) return null
  const seconds = head.readUInt32LE(4)
  return seconds === 0 ? null : seconds * 1000
}
