import { useSyncExternalStore } from 'react'
import { ArgusError } from '../../../shared/errors'
import { asArgusError, importDroppedFiles, type ImportOptions } from '../api/client'
import { describeFiles, type DroppedFile } from '../dropped-files'
import { rememberStartedJob } from './use-import-jobs'
import { mappableFields, type MappableField } from '../../../shared/event'
import { isTimeZone } from '../../../shared/time-zone'

/**
 * Files on their way to becoming an import job: being read (a dropped folder is walked), uploaded
 * (browser only), or handed to `imports:start`. Once the engine answers with a job id the intake
 * is done and the job shows in `useImportJobs`.
 */
export interface Intake {
  id: number
  /** What was dropped or chosen: 'auth.log', 'logs/ (12 files)'. */
  label: string
  phase: 'reading' | 'uploading' | 'starting' | 'failed'
  /** Upload progress in bytes; both 0 where nothing is uploaded. */
  sent: number
  total: number
  error: ArgusError | undefined
}

/** The advanced options as typed: strings, so a half-typed year is not lost. Empty = default. */
export interface ImportOptionsDraft {
  format: string
  year: string
  timeZone: string
  /** For generic formats: `ts=Time, user=Account, action=Event`. Empty: the saved mapping. */
  mapping: string
}

/** One sentence per field that is wrong. */
export interface OptionProblems {
  year?: string
  timeZone?: string
  mapping?: string
}

interface Store {
  intakes: readonly Intake[]
  options: ImportOptionsDraft
}

const listeners = new Set<() => void>()
const controllers = new Map<number, AbortController>()
let store: Store = { intakes: [], options: { format: '', year: '', timeZone: '', mapping: '' } }
let nextIntakeId = 1

function update(change: (previous: Store) => Store): void {
  store = change(store)
  for (const listener of listeners) listener()
}

function changeIntake(id: number, change: Partial<Intake>): void {
  update((previous) => ({
    ...previous,
    intakes: previous.intakes.map((intake) => (intake.id === id ? { ...intake, ...change } : intake)),
  }))
}

function removeIntake(id: number): void {
  controllers.delete(id)
  update((previous) => ({ ...previous, intakes: previous.intakes.filter((intake) => intake.id !== id) }))
}

/** What is wrong with the options as typed, per field; the engine checks them again. */
export function optionProblems(draft: ImportOptionsDraft): OptionProblems {
  const problems: OptionProblems = {}
  const year = draft.year.trim()
  if (year !== '' && !(/^\d{4}$/.test(year) && Number(year) >= 1970 && Number(year) <= 2100)) {
    problems.year = 'Enter a year from 1970 to 2100.'
  }
  const timeZone = draft.timeZone.trim()
  if (timeZone !== '' && !isTimeZone(timeZone)) problems.timeZone = 'Not an IANA time zone; try Europe/Berlin or UTC.'
  const mapping = parseMapping(draft.mapping)
  if (typeof mapping === 'string') problems.mapping = mapping
  return problems
}

/** `ts=Time, user=Account` → { ts: 'Time', user: 'Account' }, or a sentence saying what is wrong. */
function parseMapping(text: string): Partial<Record<MappableField, string>> | string {
  const mapping: Partial<Record<MappableField, string>> = {}
  for (const pair of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const at = pair.indexOf('=')
    const field = pair.slice(0, at).trim()
    const column = pair.slice(at + 1).trim()
    if (at <= 0 || column === '') return `Write field=column pairs separated by commas, e.g. ts=Time, action=Event.`
    if (!(mappableFields as readonly string[]).includes(field)) return `'${field}' is not a field; use ${mappableFields.join(', ')}.`
    mapping[field as MappableField] = column
  }
  return mapping
}

function toImportOptions(draft: ImportOptionsDraft): ImportOptions {
  const problems = optionProblems(draft)
  const problem = problems.year ?? problems.timeZone ?? problems.mapping
  if (problem) throw new ArgusError('bad_request', `check the advanced options: ${problem}`)
  const year = draft.year.trim()
  const timeZone = draft.timeZone.trim()
  const mapping = parseMapping(draft.mapping)
  const mapped = typeof mapping === 'object' && Object.keys(mapping).length > 0
  return {
    ...(draft.format ? { format: draft.format } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(mapped && draft.format.startsWith('generic-') ? { mapping } : {}),
  }
}

/**
 * Starts importing what was dropped or chosen, with the options currently set. Takes a promise
 * so a drop shows up at once while a dropped folder is still being walked.
 */
export function importFiles(files: Promise<readonly DroppedFile[]> | readonly DroppedFile[]): void {
  const id = nextIntakeId++
  const controller = new AbortController()
  controllers.set(id, controller)
  const intake: Intake = { id, label: 'Reading what was dropped…', phase: 'reading', sent: 0, total: 0, error: undefined }
  update((previous) => ({ ...previous, intakes: [...previous.intakes, intake] }))

  void (async () => {
    try {
      const read = await files
      if (controller.signal.aborted) return
      const label = describeFiles(read)
      changeIntake(id, { label, phase: 'starting' })
      const options = toImportOptions(store.options)
      const { jobId } = await importDroppedFiles(read, options, {
        signal: controller.signal,
        onUploadProgress: (sent, total) => changeIntake(id, { phase: sent < total ? 'uploading' : 'starting', sent, total }),
      })
      rememberStartedJob(jobId, label)
      removeIntake(id)
    } catch (error) {
      if (!controller.signal.aborted) changeIntake(id, { phase: 'failed', error: asArgusError(error) })
    }
  })()
}

/** Stops reading or uploading; a job the engine already started is cancelled as a job instead. */
function cancelIntake(id: number): void {
  controllers.get(id)?.abort()
  removeIntake(id)
}

function setOptions(options: ImportOptionsDraft): void {
  update((previous) => ({ ...previous, options }))
}

function subscribeToStore(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function snapshot(): Store {
  return store
}

export interface ImportIntakeState {
  intakes: readonly Intake[]
  /** Kept for the window's life, so they also apply to files dropped on another page. */
  options: ImportOptionsDraft
  setOptions: (options: ImportOptionsDraft) => void
  importFiles: (files: Promise<readonly DroppedFile[]> | readonly DroppedFile[]) => void
  /** Cancels a running intake, or clears a failed one. */
  cancelIntake: (id: number) => void
}

export function useImportIntake(): ImportIntakeState {
  const { intakes, options } = useSyncExternalStore(subscribeToStore, snapshot)
  return { intakes, options, setOptions, importFiles, cancelIntake }
}
