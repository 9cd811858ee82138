import { hasSignature } from './bytes'
import { chunkSize, parseEvtxChunk, type EvtxReject } from './chunk'
import { fileHeaderSize, readEvtxFileHeader, type EvtxFileHeader } from './file-header'
import type { EvtxEventRecord } from './record-builder'

export interface EvtxFileResult {
  header: EvtxFileHeader
  records: EvtxEventRecord[]
  rejects: (EvtxReject & { chunkIndex: number | null })[]
  /** Slots that held a chunk (signature found), whatever the header's count says. */
  chunksFound: number
}

/**
 * A whole file in memory: the header, then every 64 KiB slot after it (the header's chunk count is
 * never trusted). The ingest pipeline streams instead, with the same two calls. Never throws.
 */
export function readEvtx(file: Uint8Array): EvtxFileResult {
  const header = readEvtxFileHeader(file.subarray(0, fileHeaderSize))
  const result: EvtxFileResult = { header, records: [], rejects: [], chunksFound: 0 }
  for (const problem of header.problems) result.rejects.push({ recordNo: null, chunkIndex: null, reason: problem })
  for (let offset = fileHeaderSize, index = 0; offset < file.length; offset += chunkSize, index++) {
    const slot = file.subarray(offset, offset + chunkSize)
    if (hasSignature(slot, 0, 'ElfChnk\0')) result.chunksFound++
    const chunk = parseEvtxChunk(slot, index)
    for (const record of chunk.records) result.records.push(record)
    for (const reject of chunk.rejects) result.rejects.push({ ...reject, chunkIndex: index })
  }
  return result
}
