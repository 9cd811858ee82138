import { BinXmlReader } from './binxml'
import { BinXmlError } from './binxml-tokens'
import { crc32, hasSignature, readUint64, viewOf } from './bytes'
import { buildRecord, type EvtxEventRecord } from './record-builder'

/** Size of a chunk slot; chunks follow the 4 KiB file header back to back. */
export const chunkSize = 0x10000
const chunkHeaderSize = 0x200
const recordHeaderSize = 24
const recordSignature = 0x00002a2a

/** A record (or a whole chunk, recordNo null) that could not be read; it becomes a reject. */
export interface EvtxReject {
  /** EventRecordID when the record header was readable. */
  recordNo: number | null
  reason: string
}

export interface EvtxChunkResult {
  records: EvtxEventRecord[]
  rejects: EvtxReject[]
}

/**
 * Reads the records of one chunk slot (normally 65,536 bytes; a shorter, truncated slot is read as
 * far as it goes). Never throws. A slot without the `ElfChnk` signature and without records is
 * free space: no records, no rejects. A checksum mismatch rejects the chunk (recordNo null) but
 * its records are still recovered, one by one: a stale header in a dirty log must not hide the
 * newest events, and each record is checked for its own signature and size.
 */
export function parseEvtxChunk(chunk: Uint8Array, chunkIndex: number): EvtxChunkResult {
  const result: EvtxChunkResult = { records: [], rejects: [] }
  const reject = (reason: string): void => {
    result.rejects.push({ recordNo: null, reason: `chunk ${chunkIndex}: ${reason}` })
  }
  try {
    const view = viewOf(chunk)
    const recordsAtStart = chunk.length >= chunkHeaderSize + 4 && view.getUint32(chunkHeaderSize, true) === recordSignature
    if (!hasSignature(chunk, 0, 'ElfChnk\0')) {
      if (recordsAtStart) reject('no chunk signature')
      else return result
    }
    if (chunk.length < chunkHeaderSize) {
      reject(`truncated to ${chunk.length} bytes`)
      return result
    }
    const headerIntact = crc32(chunk, [[0, 0x78], [0x80, chunkHeaderSize]]) === view.getUint32(0x7c, true)
    const freeSpace = view.getUint32(0x30, true)
    const freeSpaceSane = freeSpace >= chunkHeaderSize && freeSpace <= chunkSize
    if (!headerIntact) reject('header checksum mismatch')
    if (chunk.length < chunkSize) reject(`truncated to ${chunk.length} bytes`)
    else if (headerIntact && freeSpaceSane && crc32(chunk, [[chunkHeaderSize, freeSpace]]) !== view.getUint32(0x34, true)) {
      reject('event records checksum mismatch')
    }
    readRecords(chunk, view, headerIntact && freeSpaceSane ? Math.min(freeSpace, chunk.length) : null, result)
  } catch (error) {
    reject(error instanceof Error ? error.message : String(error))
  }
  return result
}

function readRecords(chunk: Uint8Array, view: DataView, usedEnd: number | null, result: EvtxChunkResult): void {
  const reader = new BinXmlReader(chunk)
  let at = chunkHeaderSize
  let lastId: number | null = null
  while (at + recordHeaderSize <= chunk.length) {
    const problem = recordProblem(view, at)
    if (problem !== null) {
      // Past the used part (or, with an untrusted header, at zeros) is free space, not damage.
      if (usedEnd === null ? view.getUint32(at, true) === 0 && view.getUint32(at + 4, true) === 0 : at >= usedEnd) break
      const recordNo = view.getUint32(at, true) === recordSignature ? readUint64(view, at + 8) : null
      result.rejects.push({ recordNo, reason: `${problem} at chunk offset ${at}` })
      const next = nextRecord(view, at + 8, usedEnd ?? chunk.length)
      if (next === null) break
      at = next
      continue
    }
    const size = view.getUint32(at + 4, true)
    const recordId = readUint64(view, at + 8)
    // Past the free-space offset only a stale header in a dirty log leaves records: follow them
    // only while they continue the sequence, so leftover bytes are not mistaken for events.
    if (usedEnd !== null && at >= usedEnd && recordId !== (lastId ?? Number.NaN) + 1) break
    try {
      const nodes = reader.readFragment(at + recordHeaderSize, at + size - 4)
      result.records.push(buildRecord(reader, nodes, recordId))
    } catch (error) {
      // BinXmlError says what is wrong; anything else (an offset outside the chunk) is damage.
      const reason = error instanceof BinXmlError ? error.message : `damaged record (${error instanceof Error ? error.message : String(error)})`
      result.rejects.push({ recordNo: recordId, reason })
    }
    lastId = recordId
    at += size
  }
}

/** Why no well-formed record starts at `at` (signature, size, the size copy at its end), or null. */
function recordProblem(view: DataView, at: number): string | null {
  if (view.getUint32(at, true) !== recordSignature) return 'no record signature'
  const size = view.getUint32(at + 4, true)
  if (size < recordHeaderSize + 8) return `record size ${size} too small`
  if (at + size > view.byteLength) return 'record cut short'
  return view.getUint32(at + size - 4, true) === size ? null : 'record size and its copy differ'
}

/** Records start on 8-byte boundaries. */
function nextRecord(view: DataView, from: number, end: number): number | null {
  for (let at = from - (from % 8); at + recordHeaderSize <= end; at += 8) {
    if (recordProblem(view, at) === null) return at
  }
  return null
}
