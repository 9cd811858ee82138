import { existsSync } from 'node:fs'
import type { ImportSummary } from '../../shared/contract'
import { ArgusError } from '../../shared/errors'
import { dispatch } from '../api/dispatch'
import type { Engine } from '../api/engine'
import { openEngine } from '../api/engine'
import { createProgressBar } from './progress-bar'
import { UsageError } from './usage'

export const ingestOptions = {
  format: { type: 'string' },
  year: { type: 'string' },
  'time-zone': { type: 'string' },
  mapping: { type: 'string' },
} as const

/** `argus ingest PATH…`: imports through the same contract call as the UI, with a progress bar. */
export async function runIngest(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const engine = await openEngine({ workspacePath: String(values.db), door: 'cli', workerThreads: 1 })
  try {
    const summary = await importPaths(engine, values, positionals)
    printSummary(summary)
    return exitCode(summary)
  } finally {
    await engine.close()
  }
}

/** Starts the import, draws progress, lets Ctrl+C cancel it, and resolves with its summary. */
export async function importPaths(engine: Engine, values: Record<string, unknown>, paths: string[]): Promise<ImportSummary> {
  if (paths.length === 0) throw new UsageError('needs at least one PATH (file, folder or archive)')
  const missing = paths.filter((path) => !existsSync(path))
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`)
  const year = values.year === undefined ? undefined : Number(values.year)
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year must be a year such as 2024, got '${String(values.year)}'`)
  const input = {
    paths,
    ...(typeof values.format === 'string' ? { format: values.format } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(typeof values['time-zone'] === 'string' ? { timeZone: values['time-zone'] } : {}),
    ...(typeof values.mapping === 'string' ? { mapping: parseMapping(values.mapping) } : {}),
  }
  const bar = createProgressBar()
  let jobId = -1
  const stopProgress = engine.bus.on('ingest:progress', (progress) => {
    if (progress.jobId === jobId) bar.update(progress)
  })
  let stopFinished: () => void = () => {}
  const done = new Promise<ImportSummary>((resolve) => {
    stopFinished = engine.bus.on('ingest:finished', (summary) => {
      if (summary.jobId === jobId) resolve(summary)
    })
  })
  const started = await dispatch(engine.handlers, 'imports:start', input)
  if (!started.ok) throw new ArgusError(started.error.code, started.error.message)
  jobId = (started.value as { jobId: number }).jobId
  const cancel = (): void => {
    process.stderr.write('\nargus: cancelling the import (files already imported stay)…\n')
    engine.imports.cancel(jobId)
  }
  process.once('SIGINT', cancel)
  let summary: ImportSummary
  try {
    summary = await done
  } finally {
    process.off('SIGINT', cancel)
    stopProgress()
    stopFinished()
    bar.end()
  }
  // On stderr: `analyze --json` keeps stdout for its one document.
  if (summary.inferredTimeZone) {
    const { timeZone, minutesEast, stamps, basis } = summary.inferredTimeZone
    const evidence = basis === 'offsets' ? `read from ${stamps} timestamps' offsets` : `read by aligning ${stamps} syslog lines with the same users' dated events`
    const clock = summary.syslogClock
    const reading = clock
      ? `days are counted in it; syslog lines without a year or offset were read at UTC${formatOffset(clock.minutesEast)}, the clock that aligns ${clock.stamps} of them with the same users' dated events`
      : 'syslog lines without a year or offset were read in it and days are counted in it'
    process.stderr.write(`argus: time zone ${timeZone} (UTC${formatOffset(minutesEast)}), ${evidence}: ${reading} (change it in Settings or with argus call workspace:setTimeZone)\n`)
  }
  return summary
}

/** −05:00, +05:30. */
function formatOffset(minutesEast: number): string {
  const minutes = Math.abs(minutesEast)
  return `${minutesEast < 0 ? '−' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function printSummary(summary: ImportSummary): void {
  for (const file of summary.files) {
    const name = file.entry ? `${file.path}!/${file.entry}` : file.path
    const counts = `${file.events} events, ${file.rejects} rejects`
    const note = file.error ? ` (${file.error})` : ''
    console.log(`${file.status.padEnd(9)} ${(file.format ?? '-').padEnd(14)} ${counts.padEnd(28)} ${name}${note}`)
  }
  console.log(`${summary.state}: ${summary.events} events, ${summary.rejects} rejects from ${summary.files.length} files`)
}

/** 1 when nothing could be imported and something failed: a script should notice that. */
export function exitCode(summary: ImportSummary): number {
  if (summary.state === 'failed') return 1
  const imported = summary.files.some((file) => file.status === 'done' || file.status === 'duplicate')
  return imported || summary.files.length === 0 ? 0 : 1
}

/** `--mapping ts=Time,user=Account,action=Event` → { ts: 'Time', user: 'Account', action: 'Event' }. */
export function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {}
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=')
    if (at <= 0 || at === pair.length - 1) throw new UsageError(`--mapping wants field=column pairs separated by commas, got '${pair}'`)
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return mapping
}
