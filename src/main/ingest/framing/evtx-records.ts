import { chunkSize, fileHeaderSize, parseEvtxChunk, readEvtxFileHeader } from '../../parsers/evtx'
import type { DamagedRecord, DecodedRecord } from '.'

/**
 * Streams an .evtx file: the 4 KiB header, then every 64 KiB chunk slot in turn, so memory stays
 * at one chunk whatever the file's size. Records are numbered by their EventRecordID, the number
 * Event Viewer shows, so the UI can point back to the raw record.
 */
export async function* readEvtxRecords(source: AsyncIterable<Uint8Array>): AsyncGenerator<(DecodedRecord | DamagedRecord)[]> {
  let pending = Buffer.alloc(0)
  let headerRead = false
  let chunkIndex = 0
  for await (const chunk of source) {
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk])
    if (!headerRead && pending.length >= fileHeaderSize) {
      headerRead = true
      const problems = readEvtxFileHeader(pending.subarray(0, fileHeaderSize)).problems
      pending = pending.subarray(fileHeaderSize)
      if (problems.length > 0) yield problems.map((problem) => damaged(problem, 0))
    }
    if (!headerRead) continue
    while (pending.length >= chunkSize) {
      const items = readSlot(pending.subarray(0, chunkSize), chunkIndex++)
      pending = pending.subarray(chunkSize)
      if (items.length > 0) yield items
    }
  }
  if (!headerRead) {
    const problems = readEvtxFileHeader(pending).problems
    yield (problems.length > 0 ? problems : ['file shorter than an EVTX header']).map((problem) => damaged(problem, 0))
    return
  }
  // A truncated last chunk is read as far as it goes.
  if (pending.length > 0) {
    const items = readSlot(pending, chunkIndex)
    if (items.length > 0) yield items
  }
}

function readSlot(slot: Uint8Array, chunkIndex: number): (DecodedRecord | DamagedRecord)[] {
  const { records, rejects } = parseEvtxChunk(slot, chunkIndex)
  const items: (DecodedRecord | DamagedRecord)[] = records.map((record) => ({ record, lineNo: record.recordId ?? 0 }))
  for (const reject of rejects) items.push(damaged(reject.reason, reject.recordNo ?? 0))
  return items
}

function damaged(reason: string, lineNo: number): DamagedRecord {
  return { damaged: reason, lineNo, excerpt: '' }
}
