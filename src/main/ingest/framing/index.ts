import type { Framing } from '../../parsers/types'
import { readEvtxRecords } from './evtx-records'
import { readJsonRecords } from './json-records'
import { readLines, type LineItem } from './lines'

/** A record that framing could not deliver (an unreadable EVTX chunk, say): it becomes a reject. */
export interface DamagedRecord {
  damaged: string
  lineNo: number
  excerpt: string
}

/** A record already decoded by the framing (EVTX): handed to the parser as an object. */
export interface DecodedRecord {
  record: unknown
  lineNo: number
}

export type FramedItem = LineItem | DamagedRecord | DecodedRecord

/** The framing reader for each parser framing. */
export function frameRecords(framing: Framing, stream: AsyncIterable<Uint8Array>): AsyncGenerator<FramedItem[]> {
  switch (framing) {
    case 'lines':
      return readLines(stream)
    case 'json':
      return readJsonRecords(stream)
    case 'evtx':
      return readEvtxRecords(stream)
  }
}
