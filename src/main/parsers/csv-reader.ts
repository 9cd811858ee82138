// The state every CSV parser shares: the header, and a record whose quoted field runs over
// several lines (`lines` framing hands over one line at a time, without its terminator).

import type { NormalizedEvent } from '../../shared/event'
import { splitCsvRecord } from './csv-fields'
import type { FileError, ParseOutcome, RecordParser } from './types'

/** Reads the data rows once the first row has been seen. */
export type CsvRowReader = (fields: string[], lineNo: number) => ParseOutcome

/** How a table reads, decided from its first row: a header, or (header-less files) data. */
export interface CsvStart {
  read: CsvRowReader
  /** The first row is data too (header-less CERT r1–r3 tables). */
  firstRowIsData: boolean
}

/**
 * A CSV file's RecordParser. `finish()` is called once after the last record: an unterminated
 * quoted field never completes on its own, so it is reported there as a rejection.
 */
export interface CsvRecordParser extends RecordParser<string> {
  finish(): ParseOutcome
}

// A stray quote must not swallow the rest of the file: past this, the open record is rejected.
const maxRecordLines = 10_000
const maxRecordChars = 4 * 1024 * 1024

/**
 * A RecordParser for one CSV file: blank lines are skipped, the first row goes to `start`
 * (header or data), every later row to the reader it returned. A record spanning lines is
 * joined with `\n` and parsed when its closing quote arrives; the event then carries
 * `attrs.firstLineNo`, the line where the record began (recordNo is the last line), and a
 * rejection says `(record from line N)`.
 */
export function openCsv(start: (firstRow: string[], lineNo: number) => CsvStart | FileError): CsvRecordParser {
  let reader: CsvRowReader | null = null
  let fileError: FileError | null = null
  let pending: string | null = null
  let pendingFrom = 0
  let pendingLines = 0

  function dispatch(fields: string[], lineNo: number): ParseOutcome {
    if (reader !== null) return reader(fields, lineNo)
    const started = start(fields, lineNo)
    if ('fileError' in started) {
      fileError = started
      return started
    }
    reader = started.read
    return started.firstRowIsData ? reader(fields, lineNo) : null
  }

  return {
    parse(record: string, recordNo: number): ParseOutcome {
      if (fileError !== null) return fileError
      if (pending !== null) {
        pending += '\n' + record
        pendingLines++
        // Without a quote on this line the open field cannot have closed.
        const fields = record.includes('"') ? splitCsvRecord(pending) : null
        if (fields === null) {
          if (pendingLines < maxRecordLines && pending.length < maxRecordChars) return null
          const from = pendingFrom
          pending = null
          return { reject: `unterminated quoted field: the record from line ${from} runs past ${pendingLines} lines` }
        }
        const from = pendingFrom
        pending = null
        return markFirstLine(dispatch(fields, recordNo), from)
      }
      if (record.length === 0 || (record.charCodeAt(0) <= 32 && record.trim() === '')) return null
      // A byte-order mark would stick to the first header name (or a header-less first id).
      if (reader === null && record.charCodeAt(0) === 0xfeff) record = record.slice(1)
      const fields = splitCsvRecord(record)
      if (fields === null) {
        pending = record
        pendingFrom = recordNo
        pendingLines = 1
        return null
      }
      return dispatch(fields, recordNo)
    },
    finish(): ParseOutcome {
      if (pending === null) return null
      const from = pendingFrom
      pending = null
      return { reject: `unterminated quoted field at end of file (record from line ${from})` }
    },
  }
}

function markFirstLine(outcome: ParseOutcome, firstLineNo: number): ParseOutcome {
  if (outcome === null) return outcome
  if ('reject' in outcome) return { reject: `${outcome.reject} (record from line ${firstLineNo})` }
  if (Array.isArray(outcome)) {
    for (const event of outcome) event.attrs.firstLineNo = firstLineNo
  } else if (isEvent(outcome)) {
    outcome.attrs.firstLineNo = firstLineNo
  }
  return outcome
}

function isEvent(outcome: ParseOutcome): outcome is NormalizedEvent {
  return outcome !== null && !Array.isArray(outcome) && 'ts' in outcome
}
