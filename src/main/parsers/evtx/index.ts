// The EVTX reader: pure TypeScript over bytes, no dependency. See DEPENDENCIES.md for why the
// header's chunk count is never trusted and checksum failures do not stop reading.
export { evtxParser } from './evtx-parser'
export { readEvtxFileHeader, fileHeaderSize, type EvtxFileHeader } from './file-header'
export { parseEvtxChunk, chunkSize, type EvtxChunkResult, type EvtxReject } from './chunk'
export { readEvtx, type EvtxFileResult } from './read-evtx'
export type { EvtxEventRecord } from './record-builder'
