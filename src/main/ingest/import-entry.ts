import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ImportFileResult } from '../../shared/contract'
import type { NormalizedEvent } from '../../shared/event'
import type { FieldMapping, LogParser, ParseContext, ParseOutcome, RecordParser, TimeSpan } from '../parsers/types'
import type { EntryWriter } from './entry-writer'
import { detectFormat, makeSample } from './detect'
import { frameRecords, type FramedItem } from './framing'
import { peekHead } from './head'
import type { ZoneEvidence } from './zone-evidence'
import type { ClockAlignment } from './clock-alignment'

export interface EntryToImport {
  path: string
  entry: string | null
  size: number | null
  mtime: number | null
  stream: AsyncIterable<Uint8Array>
}

export interface EntryOptions {
  parsers: readonly LogParser<never>[]
  format?: string
  year: number | null
  timeZone: string
  /** For generic formats: normalized field → column or JSON path. */
  mapping?: FieldMapping
  isCancelled(): boolean
  /** Called every few thousand records with the running counts of this entry. */
  onRecords(events: number, rejects: number): void
  /** The dated events' span, for a format without years (`ParseContext.yearReference`). */
  yearReference?: TimeSpan | null
  /** Widened by every imported event's time: what `yearReference` is made of. */
  span?: SpanTracker
  /** Counts the offsets of the timestamps at the start of every entry, for a zone nobody gave. */
  zoneEvidence?: ZoneEvidence | null
  /** Given every imported event, as what a year-less log's clock is aligned to (only dated entries reach it). */
  clockReference?: ClockAlignment | null
  /**
   * Where an archive entry whose format needs a year nobody gave may wait (a fresh file path), so
   * that it is read after the dated ones (a plain file waits as itself); absent, such an entry is
   * read now and dated by its file time.
   */
  holdUndated?: () => string
}

/** The first and last event time seen. */
export class SpanTracker {
  from = Infinity
  to = -Infinity

  include(ts: number): void {
    if (ts < this.from) this.from = ts
    if (ts > this.to) this.to = ts
  }

  get span(): TimeSpan | null {
    return this.from <= this.to ? { from: this.from, to: this.to } : null
  }
}

/** An entry set aside by `holdUndated`: import it later (`openHeld`), with a `yearReference`. */
export interface HeldEntry {
  held: Omit<EntryToImport, 'stream'>
  /** The plain file it is read from, afresh for each reading. */
  file: string
}

export function openHeld(entry: HeldEntry): EntryToImport {
  return { ...entry.held, stream: lazyFileStream(entry.file) }
}

/** Rejects kept per file; beyond this they are only counted (a wrong file must not fill the disk). */
export const storedRejectsPerFile = 10_000
/** A file whose first records are all rejected is not this format: one clear error instead. */
const wrongFormatSample = 1000

class StopEntry extends Error {
  constructor(readonly status: 'failed' | 'cancelled', message: string) {
    super(message)
  }
}

/**
 * Imports one file or archive entry in one transaction: sniff, frame, parse, insert, hash. The
 * file lands whole (with its audit entry) or not at all; a content hash seen before adds nothing.
 */
export async function importEntry(writer: EntryWriter, entry: EntryToImport, options: EntryOptions & { holdUndated: () => string }): Promise<ImportFileResult | HeldEntry>
export async function importEntry(writer: EntryWriter, entry: EntryToImport, options: EntryOptions): Promise<ImportFileResult>
export async function importEntry(writer: EntryWriter, entry: EntryToImport, options: EntryOptions): Promise<ImportFileResult | HeldEntry> {
  const name = entry.entry ?? entry.path
  const hash = createHash('sha256')
  let size = 0
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of entry.stream) {
      hash.update(chunk)
      size += chunk.byteLength
      yield chunk
    }
  }
  const result: ImportFileResult = {
    path: entry.path, entry: entry.entry, format: null, sourceId: null, status: 'failed', events: 0, rejects: 0, error: null, duplicateOf: null,
  }
  const { head, stream } = await peekHead(hashed())
  const sample = makeSample(name, head)
  options.zoneEvidence?.count(sample.lines.join('\n'))
  const detection = detectFormat(options.parsers, sample, options.format)
  if ('error' in detection) {
    await drain(stream)
    return recordFailure(writer, result, detection.error, 'failed')
  }
  const parser = detection.parser
  if (options.holdUndated && options.year === null && parser.needsYear?.(sample) === true) {
    // A file on disk is simply read again later; an archive entry is kept in a spool file until then.
    const held = { path: entry.path, entry: entry.entry, size: entry.size, mtime: entry.mtime }
    if (entry.entry === null) return { held, file: entry.path }
    const spool = options.holdUndated()
    await pipeline(Readable.from(stream), createWriteStream(spool))
    return { held, file: spool }
  }
  result.format = parser.name
  const reader = parser.open(parseContext(entry, options)) as RecordParser<unknown>

  const sourceId = await writer.open(entry.path, entry.entry, parser.name, entry.size)
  let events = 0
  let rejects = 0
  let records = 0
  let streamError: string | null = null

  const take = (outcome: ParseOutcome, lineNo: number, raw: string): void => {
    if (outcome === null) return
    if (Array.isArray(outcome)) {
      for (const event of outcome) insert(event, lineNo)
    } else if ('reject' in outcome) {
      reject(lineNo, outcome.reject, raw)
    } else if ('fileError' in outcome) {
      throw new StopEntry('failed', outcome.fileError)
    } else if ('profile' in outcome) {
      writer.profile(lineNo, outcome.profile.user, outcome.profile.kind, outcome.profile.fields)
    } else {
      insert(outcome, lineNo)
    }
  }
  const insert = (event: NormalizedEvent, lineNo: number): void => {
    writer.event(lineNo, event)
    options.span?.include(event.ts)
    options.clockReference?.addReference(event)
    events += 1
  }
  const reject = (lineNo: number, reason: string, raw: string): void => {
    if (rejects < storedRejectsPerFile) writer.reject(lineNo, reason, raw.slice(0, 200))
    rejects += 1
  }

  try {
    try {
      for await (const batch of frameRecords(parser.framing, stream)) {
        for (const item of batch) {
          records += 1
          parseItem(item)
        }
        if (records >= wrongFormatSample && events === 0 && rejects >= wrongFormatSample) {
          throw new StopEntry('failed', `not a ${parser.name} file: its first ${rejects} records were all rejected`)
        }
        if (options.isCancelled()) throw new StopEntry('cancelled', 'cancelled')
        options.onRecords(events, rejects)
        await writer.flush()
      }
    } catch (error) {
      if (error instanceof StopEntry) throw error
      // The bytes stopped (truncated archive, decompression bomb): keep what was read, say why.
      streamError = `stopped early: ${(error as Error).message}`
    }
    const flushParser = reader.finish?.bind(reader)
    if (flushParser) take(safeParse(flushParser), records + 1, '')
    const sha256 = hash.digest('hex')
    const duplicateOf = await writer.close({ status: 'done', format: parser.name, sha256, sizeBytes: size, events, rejects, error: streamError }, name)
    if (duplicateOf !== null) {
      return { ...result, status: 'duplicate', duplicateOf, error: `already imported as import #${duplicateOf}` }
    }
    options.onRecords(events, rejects)
    return { ...result, sourceId, status: 'done', events, rejects, error: streamError }
  } catch (error) {
    await writer.abandon()
    await drain(stream).catch(() => undefined)
    const stop = error instanceof StopEntry ? error : new StopEntry('failed', `import failed: ${(error as Error).message}`)
    return recordFailure(writer, result, stop.message, stop.status)
  }

  function parseItem(item: FramedItem): void {
    if ('oversized' in item) reject(item.lineNo, 'record longer than 1 MiB', item.excerpt)
    else if ('damaged' in item) reject(item.lineNo, item.damaged, item.excerpt)
    else take(parseFramed(reader, item), item.lineNo, 'text' in item ? item.text : '')
  }
}

/**
 * Reads the events of an entry without importing them, until `wanted` says no more: a sample of a
 * year-less log for `ClockAlignment`. Rejected records are skipped; the import proper reports them.
 */
export async function sampleEntry(entry: EntryToImport, options: EntryOptions, wanted: (event: NormalizedEvent) => boolean): Promise<void> {
  const { head, stream } = await peekHead(entry.stream)
  const detection = detectFormat(options.parsers, makeSample(entry.entry ?? entry.path, head), options.format)
  if ('error' in detection) return
  const reader = detection.parser.open(parseContext(entry, options)) as RecordParser<unknown>
  for await (const batch of frameRecords(detection.parser.framing, stream)) {
    for (const item of batch) {
      const outcome = parseFramed(reader, item)
      const events = outcome === null ? [] : Array.isArray(outcome) ? outcome : 'ts' in outcome ? [outcome] : []
      for (const event of events) if (!wanted(event)) return
    }
    if (options.isCancelled()) return
  }
}

function parseContext(entry: EntryToImport, options: EntryOptions): ParseContext {
  return {
    name: entry.entry ?? entry.path,
    year: options.year,
    fileTime: entry.mtime,
    timeZone: options.timeZone,
    yearReference: options.yearReference ?? null,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  }
}

/** A framed record's outcome; null for one the framing already refused (oversized, damaged). */
function parseFramed(reader: RecordParser<unknown>, item: FramedItem): ParseOutcome {
  if ('text' in item) return safeParse(() => reader.parse(item.text, item.lineNo))
  if ('record' in item) return safeParse(() => reader.parse(item.record, item.lineNo))
  return null
}

/** A parser bug must cost one record, never the import. */
function safeParse(parse: () => ParseOutcome): ParseOutcome {
  try {
    return parse()
  } catch (error) {
    return { reject: `parser error: ${(error as Error).message}` }
  }
}

/** Failed and cancelled files are listed too, so the analyst sees what did not come in and why. */
export async function recordFailure(
  writer: EntryWriter,
  file: Pick<ImportFileResult, 'path' | 'entry' | 'format'>,
  error: string,
  status: 'failed' | 'cancelled',
): Promise<ImportFileResult> {
  const sourceId = await writer.open(file.path, file.entry, file.format, null)
  await writer.close({ status, format: file.format, sha256: null, sizeBytes: null, events: 0, rejects: 0, error }, file.entry ?? file.path)
  return { ...file, sourceId, status, events: 0, rejects: 0, error, duplicateOf: null }
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) {
    // Read to the end so an archive walker can move on to its next entry.
  }
}

/** The file's bytes, opened only when first read (many held entries must not hold many descriptors). */
async function* lazyFileStream(path: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(path)
}
