import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { MessagePort } from 'node:worker_threads'
import type { ImportFileResult, ImportRequest, ImportSummary, IngestProgress } from '../../shared/contract'
import { parsers } from '../parsers'
import { createImportWriter } from '../store/queries/import-writer'
import { localEntryWriter, remoteEntryWriter } from './entry-writer'
import { type EntryOptions, type HeldEntry, SpanTracker, importEntry, openHeld, recordFailure, sampleEntry } from './import-entry'
import { measureSources, walkSources } from './sources/walk'
import { ZoneEvidence, type InferredZone } from './zone-evidence'
import { ClockAlignment, sampleQuota } from './clock-alignment'
import { openWorkerConnection } from '../store/database'
import type BetterSqlite3 from 'better-sqlite3'
import type { TimeSpan } from '../parsers/types'

export interface ImportJobOptions {
  jobId: number
  nativeBinding?: string | null
  /** A writer thread's port: rows go there while this thread parses on. Absent: write here. */
  writerPort?: MessagePort | null
  isCancelled(): boolean
  report(progress: IngestProgress): void
  /** Progress events at most this often. */
  reportEveryMs?: number
  /** Nobody named a zone and the workspace is empty: read year-less lines in the zone the dated ones' offsets agree on. */
  inferTimeZone?: boolean
}

/**
 * One import job, run inside a worker: walks the named files, folders and archives and imports
 * each entry in its own transaction, either through a writer thread (parsing and inserting then
 * overlap) or on this worker's own connection.
 */
export async function runImport(workspacePath: string, request: ImportRequest, options: ImportJobOptions): Promise<ImportSummary> {
  const remote = options.writerPort ? remoteEntryWriter(options.writerPort) : null
  const sqlite = remote ? null : openWorkerConnection(workspacePath, { nativeBinding: options.nativeBinding ?? null })
  const writer = remote ?? localEntryWriter(createImportWriter(sqlite!))
  const tempDir = mkdtempSync(join(tmpdir(), 'argus-import-'))
  const abort = new AbortController()
  const paths = request.paths.map((path) => resolve(path))
  const files: ImportFileResult[] = []
  const progress: IngestProgress = {
    jobId: options.jobId, state: 'running', paths, bytesDone: 0, bytesTotal: 0,
    events: 0, rejects: 0, eventsPerSecond: 0, filesDone: 0, currentEntry: null, startedAt: Date.now(),
  }
  const everyMs = options.reportEveryMs ?? 250
  let lastReport = 0
  let settledEvents = 0
  let settledRejects = 0
  const report = (force = false): void => {
    const now = Date.now()
    if (!force && now - lastReport < everyMs) return
    lastReport = now
    const seconds = (now - progress.startedAt) / 1000
    progress.eventsPerSecond = seconds > 0 ? Math.round(progress.events / seconds) : 0
    options.report({ ...progress })
  }
  const isCancelled = (): boolean => {
    if (options.isCancelled() && !abort.signal.aborted) abort.abort()
    return abort.signal.aborted
  }
  const span = new SpanTracker()
  const zoneEvidence = options.inferTimeZone === true ? new ZoneEvidence() : null
  const clock = options.inferTimeZone === true ? new ClockAlignment() : null
  const held: HeldEntry[] = []
  const entryOptions = (): EntryOptions => ({
    parsers,
    ...(request.format ? { format: request.format } : {}),
    year: request.year ?? null,
    timeZone: request.timeZone ?? 'UTC',
    ...(request.mapping ? { mapping: request.mapping } : {}),
    span,
    zoneEvidence,
    isCancelled,
    onRecords: (events, rejects) => {
      progress.events = settledEvents + events
      progress.rejects = settledRejects + rejects
      report()
    },
  })
  const begin = (entry: Pick<HeldEntry['held'], 'path' | 'entry'>): void => {
    progress.currentEntry = entry.entry ? `${entry.path}!/${entry.entry}` : entry.path
    report(true)
  }
  const settle = (result: ImportFileResult): ImportFileResult => {
    // A rolled-back duplicate or failure adds nothing to the running totals.
    settledEvents += result.status === 'done' ? result.events : 0
    settledRejects += result.status === 'done' ? result.rejects : 0
    progress.events = settledEvents
    progress.rejects = settledRejects
    return result
  }
  try {
    progress.bytesTotal = await measureSources(paths)
    report(true)
    const walk = walkSources(paths, {
      tempDir,
      signal: abort.signal,
      onCompressedBytes: (bytes) => {
        progress.bytesDone = bytes
        report()
      },
    })
    for await (const item of walk) {
      if (item.kind === 'problem') {
        files.push(await recordFailure(writer, { path: item.path, entry: item.entry, format: null }, item.reason, 'failed'))
      } else {
        begin(item)
        const result = await importEntry(writer, item, { ...entryOptions(), clockReference: clock, holdUndated: () => join(tempDir, `held-${held.length}`) })
        if ('held' in result) held.push(result)
        else files.push(settle(result))
      }
      progress.filesDone = files.length
      if (isCancelled()) break
    }
    // Year-less logs (RFC 3164 auth.log) last, in the year of the dated events beside them, else
    // of the workspace's events (an auth.log dropped in after yesterday's ECS import).
    const yearReference = held.length === 0 ? null : (span.span ?? workspaceSpan(workspacePath, sqlite, options.nativeBinding ?? null))
    // Offsets on the dated stamps say where the office is, and the workspace counts its days there.
    // The year-less lines are read at their own clock where the people in them show it (a server
    // room on UTC beside an office at UTC−5), else at the office's; with no offsets at all, their
    // clock is the office's.
    const offsetsZone = zoneEvidence?.inferred() ?? null
    const syslogClock = clock !== null && held.length > 0 ? await alignClock(clock, held, { ...entryOptions(), yearReference }, offsetsZone?.minutesEast ?? 0) : null
    const inferredTimeZone: InferredZone | null = offsetsZone ?? syslogClock
    const heldZone = (syslogClock ?? offsetsZone)?.timeZone
    for (const entry of held) {
      if (isCancelled()) {
        files.push(await recordFailure(writer, { path: entry.held.path, entry: entry.held.entry, format: null }, 'cancelled', 'cancelled'))
      } else {
        begin(entry.held)
        files.push(settle(await importEntry(writer, openHeld(entry), { ...entryOptions(), yearReference, ...(heldZone ? { timeZone: heldZone } : {}) })))
      }
      progress.filesDone = files.length
    }
    const cancelled = abort.signal.aborted
    progress.state = cancelled ? 'cancelled' : 'done'
    progress.currentEntry = null
    report(true)
    return { jobId: options.jobId, state: progress.state, events: settledEvents, rejects: settledRejects, files, error: null, inferredTimeZone, syslogClock: offsetsZone === null ? null : syslogClock }
  } catch (error) {
    progress.state = 'failed'
    report(true)
    return { jobId: options.jobId, state: 'failed', events: settledEvents, rejects: settledRejects, files, error: (error as Error).message }
  } finally {
    if (remote) await remote.shutdown()
    else sqlite?.close()
    rmSync(tempDir, { recursive: true, force: true })
  }
}

/** First and last event time already in the workspace (the `events_ts` index answers both). */
function workspaceSpan(workspacePath: string, sqlite: BetterSqlite3.Database | null, nativeBinding: string | null): TimeSpan | null {
  const reader = sqlite ?? openWorkerConnection(workspacePath, { readOnly: true, nativeBinding })
  try {
    const row = reader.prepare('select min(ts) as first, max(ts) as last from events').get() as { first: number | null; last: number | null }
    return row.first === null || row.last === null ? null : { from: row.first, to: row.last }
  } finally {
    if (sqlite === null) reader.close()
  }
}

/** Samples the held year-less files, read as UTC, and aligns them to the dated events (`ClockAlignment`). */
async function alignClock(clock: ClockAlignment, held: readonly HeldEntry[], options: EntryOptions, assumedMinutesEast: number): Promise<InferredZone | null> {
  const quota = sampleQuota(held.length)
  for (const entry of held) {
    if (!clock.sampling || options.isCancelled()) break
    // A share of lines of people from each file; a file of system messages is not read to its end for them.
    let read = 0
    let taken = 0
    await sampleEntry(openHeld(entry), { ...options, timeZone: 'UTC' }, (event) => {
      read += 1
      if (clock.addSample(event)) taken += 1
      return taken < quota && read < 10 * quota && clock.sampling
    })
  }
  return clock.inferred(assumedMinutesEast)
}
