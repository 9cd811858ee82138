import { crc32, hasSignature, viewOf } from './bytes'

/** Bytes before the first chunk. */
export const fileHeaderSize = 0x1000

/** What the 4 KiB file header says, and what is wrong with it. */
export interface EvtxFileHeader {
  /**
   * The `ElfFile` signature is there: the file is EVTX. Problems listed alongside do not stop
   * reading, since chunks are found by scanning, never by the header's count.
   */
  ok: boolean
  /** The header's chunk count: informative only, stale in a dirty log. */
  chunkCount: number
  /** Flag 0x1: the log was not closed cleanly (copied live, or after a crash); counts may be stale. */
  dirty: boolean
  /** Flag 0x2: the log was full. */
  full: boolean
  problems: string[]
}

/** Reads the file header from the first 4096 bytes (fewer is allowed: it is then reported). */
export function readEvtxFileHeader(bytes: Uint8Array): EvtxFileHeader {
  const header: EvtxFileHeader = { ok: false, chunkCount: 0, dirty: false, full: false, problems: [] }
  if (bytes.length === 0) {
    header.problems.push('empty file')
    return header
  }
  if (!hasSignature(bytes, 0, 'ElfFile\0')) {
    header.problems.push('no ElfFile signature: not an EVTX file, or its header is damaged')
    return header
  }
  header.ok = true
  if (bytes.length < 0x80) {
    header.problems.push(`file header truncated to ${bytes.length} bytes`)
    return header
  }
  const view = viewOf(bytes)
  header.chunkCount = view.getUint16(0x2a, true)
  const flags = view.getUint32(0x78, true)
  header.dirty = (flags & 1) !== 0
  header.full = (flags & 2) !== 0
  if (crc32(bytes, [[0, 0x78]]) !== view.getUint32(0x7c, true)) header.problems.push('file header checksum mismatch')
  const major = view.getUint16(0x26, true)
  const minor = view.getUint16(0x24, true)
  if (major !== 3) header.problems.push(`unexpected format version ${major}.${minor}`)
  if (view.getUint16(0x28, true) !== fileHeaderSize) header.problems.push('unexpected header block size')
  if (bytes.length < fileHeaderSize) header.problems.push(`file truncated to ${bytes.length} bytes`)
  return header
}
