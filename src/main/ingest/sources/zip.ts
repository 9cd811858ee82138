import type { Readable } from 'node:stream'
import { crc32, createInflateRaw } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { ArchiveDamageError, ArchiveLimitError, checkRatio, formatBytes } from './limits'
import type { WalkSession } from './session'
import { byteMeter, connect, ignore, streamChunkBytes } from './streams'
import type { ArchiveLimits } from './types'

/** One member of a zip, from its central directory or, for a damaged zip, its local header. */
export interface ZipMember {
  kind: 'member'
  /** The name as stored (UTF-8, CP437 or the Info-ZIP Unicode path), backslashes kept; not yet checked. */
  name: string
  directory: boolean
  encrypted: boolean
  symlink: boolean
  method: number
  /** Declared uncompressed size: a hint for progress and a bound the bytes must match, never trusted for limits. */
  size: number
  /** CRC-32 to check the bytes against; null when the header carries none (data descriptor). */
  crc: number | null
  mtime: number | null
  /** The stored (still compressed) bytes. */
  openRaw(): Promise<Readable>
}

export interface ZipNotice {
  kind: 'notice'
  reason: string
}

const stored = 0
const deflated = 8

/** The members of an open zip, in central directory order. */
export async function* readZip(zipfile: ZipFile, session: WalkSession): AsyncGenerator<ZipMember> {
  // yauzl can emit an error while no read is pending (closing the file): never let it go unhandled.
  zipfile.on('error', ignore)
  for (;;) {
    const entry = await session.abortable(nextEntry(zipfile))
    if (entry === null) return
    yield zipMember(zipfile, entry)
  }
}

function nextEntry(zipfile: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zipfile.off('entry', onEntry)
      zipfile.off('end', onEnd)
      zipfile.off('error', onError)
    }
    const onEntry = (entry: Entry): void => {
      cleanup()
      resolve(entry)
    }
    const onEnd = (): void => {
      cleanup()
      resolve(null)
    }
    const onError = (error: Error): void => {
      cleanup()
      reject(error)
    }
    zipfile.on('entry', onEntry)
    zipfile.on('end', onEnd)
    zipfile.on('error', onError)
    zipfile.readEntry()
  })
}

function zipMember(zipfile: ZipFile, entry: Entry): ZipMember {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true)
  const unixMode = (entry.externalFileAttributes >>> 16) & 0o170000
  const madeOnUnix = entry.versionMadeBy >> 8 === 3
  const modified = entry.getLastModDate().getTime()
  return {
    kind: 'member',
    name,
    directory: name.endsWith('/') || name.endsWith('\\'),
    encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
    symlink: madeOnUnix && unixMode === 0o120000,
    method: entry.compressionMethod,
    size: entry.uncompressedSize,
    crc: entry.crc32,
    mtime: Number.isNaN(modified) ? null : modified,
    openRaw: () =>
      new Promise((resolve, reject) => {
        zipfile.openReadStream(entry, { decodeFileData: false }, (error, stream) => {
          if (error) reject(error)
          else resolve(stream)
        })
      }),
  }
}

/** Why a member is not read at all, or null to read it. */
export function zipSkipReason(member: ZipMember, limits: ArchiveLimits): string | null {
  if (member.encrypted) return 'skipped: encrypted entry'
  if (member.symlink) return 'skipped: symbolic link'
  if (member.method !== stored && member.method !== deflated) return `skipped: unsupported compression method ${member.method}`
  if (member.size > limits.maxEntryBytes) return `decompression bomb: entry over ${formatBytes(limits.maxEntryBytes)} (declared)`
  return null
}

/**
 * A member's bytes: inflated, counted as they flow, and held to what the zip declared. More bytes
 * than declared is a lying header (the classic zip bomb) and stops at once; fewer, or a CRC that
 * does not match, is damage reported when the member ends.
 */
export function zipEntryStream(raw: Readable, member: ZipMember, limits: ArchiveLimits, onCompressed?: (bytes: number) => void): Readable {
  let decompressed = 0
  let checksum = 0
  const input = byteMeter((bytes) => onCompressed?.(bytes))
  // Output buffers sized to the member: 64 KiB per small member is garbage for the collector.
  const chunkSize = Math.min(streamChunkBytes, Math.max(1024, member.size + 1))
  const inflate = member.method === deflated ? createInflateRaw({ chunkSize }) : null
  const output = byteMeter(
    (bytes, chunk) => {
      decompressed += bytes
      if (decompressed > member.size) {
        throw new ArchiveLimitError('maxEntryBytes', `decompression bomb: entry inflates past its declared ${formatBytes(member.size)}`)
      }
      // The input inflate has consumed so far (see gunzipStream).
      if (inflate) checkRatio(decompressed, inflate.bytesWritten, limits)
      if (member.crc !== null) checksum = crc32(chunk, checksum)
    },
    () => {
      if (decompressed < member.size) throw new ArchiveDamageError(`damaged zip: entry ends after ${decompressed} of ${member.size} bytes`)
      if (member.crc !== null && checksum >>> 0 !== member.crc >>> 0) throw new ArchiveDamageError('damaged zip: CRC-32 mismatch')
    },
  )
  if (inflate) {
    inflate.once('error', (error) => output.destroy(new ArchiveDamageError(`damaged zip: ${error.message}`)))
    return connect(raw, input, inflate, output)
  }
  return connect(raw, input, output)
}

/** A DOS date and time (local time, two-second steps) as epoch ms; null for an impossible value. */
export function dosDateTime(date: number, time: number): number | null {
  const day = date & 0x1f
  const month = ((date >> 5) & 0xf) - 1
  const year = ((date >> 9) & 0x7f) + 1980
  if (day === 0 || month < 0 || month > 11) return null
  const value = new Date(year, month, day, (time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2).getTime()
  return Number.isNaN(value) ? null : value
}
