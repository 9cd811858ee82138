import { useEffect, useSyncExternalStore } from 'react'
import type { ImportSummary, IngestProgress } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call, subscribe } from '../api/client'
import { useCall } from './use-call'

/** One import job as the page shows it: its latest progress, and its summary once finished. */
export interface ImportJob {
  progress: IngestProgress
  /** How it was started ('auth.log', 'logs/ (12 files)'), when this window started it. */
  label: string | undefined
  /** Pushed once when the job ends; absent for jobs that ended before this window listened. */
  summary: ImportSummary | undefined
  cancelling: boolean
  cancelError: ArgusError | undefined
}

export interface ImportJobsState {
  /** Queued and running jobs, oldest first (the order they run in). */
  active: readonly ImportJob[]
  /** Finished jobs not dismissed, newest first. */
  finished: readonly ImportJob[]
  /** The engine's list of jobs is on its way (pushed progress may already show). */
  loading: boolean
  error: ArgusError | undefined
  reload: () => void
  cancel: (jobId: number) => void
  dismiss: (jobId: number) => void
}

interface Store {
  progress: ReadonlyMap<number, IngestProgress>
  labels: ReadonlyMap<number, string>
  summaries: ReadonlyMap<number, ImportSummary>
  cancelling: ReadonlySet<number>
  cancelErrors: ReadonlyMap<number, ArgusError>
  dismissed: ReadonlySet<number>
}

const activeStates: readonly IngestProgress['state'][] = ['queued', 'running']
const listeners = new Set<() => void>()
let store: Store = {
  progress: new Map(),
  labels: new Map(),
  summaries: new Map(),
  cancelling: new Set(),
  cancelErrors: new Map(),
  dismissed: new Set(),
}
let listening = false

function update(change: (previous: Store) => Partial<Store>): void {
  store = { ...store, ...change(store) }
  for (const listener of listeners) listener()
}

/**
 * A finished job's summary is pushed exactly once. Listening for the window's whole life, not
 * only while the Import page is open, keeps summaries of jobs that end on another page.
 */
function listen(): void {
  if (listening) return
  listening = true
  subscribe('ingest:progress', (progress) => {
    update((previous) => ({
      progress: new Map(previous.progress).set(progress.jobId, progress),
      ...(isActive(progress) ? {} : { cancelling: withoutItem(previous.cancelling, progress.jobId) }),
    }))
  })
  subscribe('ingest:finished', (summary) => {
    update((previous) => ({ summaries: new Map(previous.summaries).set(summary.jobId, summary) }))
  })
}

function subscribeToStore(listener: () => void): () => void {
  listen()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function snapshot(): Store {
  return store
}

/**
 * Shows a job that was just started before its first progress event arrives (over HTTP the
 * answer to `imports:start` and the pushed event race).
 */
export function rememberStartedJob(jobId: number, label: string): void {
  listen()
  const queued: IngestProgress = {
    jobId, state: 'queued', paths: [], bytesDone: 0, bytesTotal: 0, events: 0, rejects: 0,
    eventsPerSecond: 0, filesDone: 0, currentEntry: null, startedAt: Date.now(),
  }
  update((previous) => ({
    labels: new Map(previous.labels).set(jobId, label),
    progress: previous.progress.has(jobId) ? previous.progress : new Map(previous.progress).set(jobId, queued),
  }))
}

function cancel(jobId: number): void {
  if (store.cancelling.has(jobId)) return
  update((previous) => ({
    cancelling: new Set(previous.cancelling).add(jobId),
    cancelErrors: withoutKey(previous.cancelErrors, jobId),
  }))
  call('imports:cancel', { jobId }).then(
    ({ cancelled }) => {
      // Not cancelled: it had just finished, and its final progress is on the way.
      if (!cancelled) update((previous) => ({ cancelling: withoutItem(previous.cancelling, jobId) }))
    },
    (error: unknown) => {
      update((previous) => ({
        cancelling: withoutItem(previous.cancelling, jobId),
        cancelErrors: new Map(previous.cancelErrors).set(jobId, asArgusError(error)),
      }))
    },
  )
}

function dismiss(jobId: number): void {
  update((previous) => ({ dismissed: new Set(previous.dismissed).add(jobId) }))
}

/** While jobs run, the engine's list is asked again this often, in case a pushed event was missed. */
const pollMs = 3000

/**
 * Import jobs: the engine's list (`imports:jobs`, so a reloaded page sees running imports) with
 * every pushed `ingest:progress` laid over it. Finished jobs are those that ended while this
 * window listened; older ones are in the imports table.
 */
export function useImportJobs(): ImportJobsState {
  const current = useSyncExternalStore(subscribeToStore, snapshot)
  const listed = useCall('imports:jobs', {})

  const merged = new Map(current.progress)
  for (const listedProgress of listed.data?.items ?? []) {
    const pushed = merged.get(listedProgress.jobId)
    // A pushed event is the newer word, unless the list already knows the job ended (an event
    // can be lost while the event stream connects).
    if (pushed === undefined ? isActive(listedProgress) : isActive(pushed) && !isActive(listedProgress)) {
      merged.set(listedProgress.jobId, listedProgress)
    }
  }
  const jobs = [...merged.values()].map(
    (progress): ImportJob => ({
      progress,
      label: current.labels.get(progress.jobId),
      summary: current.summaries.get(progress.jobId),
      cancelling: current.cancelling.has(progress.jobId),
      cancelError: current.cancelErrors.get(progress.jobId),
    }),
  )
  const running = (job: ImportJob): boolean => isActive(job.progress) && job.summary === undefined
  const active = jobs.filter(running).sort((a, b) => a.progress.jobId - b.progress.jobId)

  const { reload } = listed
  const anyActive = active.length > 0
  useEffect(() => {
    if (!anyActive) return
    const timer = window.setInterval(reload, pollMs)
    return () => window.clearInterval(timer)
  }, [anyActive, reload])

  return {
    active,
    finished: jobs
      .filter((job) => !running(job) && !current.dismissed.has(job.progress.jobId))
      .sort((a, b) => b.progress.jobId - a.progress.jobId),
    loading: listed.loading && listed.data === undefined,
    error: listed.error,
    reload,
    cancel,
    dismiss,
  }
}

function isActive(progress: IngestProgress): boolean {
  return activeStates.includes(progress.state)
}

function withoutItem<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const copy = new Set(set)
  copy.delete(item)
  return copy
}

function withoutKey<K, V>(map: ReadonlyMap<K, V>, key: K): Map<K, V> {
  const copy = new Map(map)
  copy.delete(key)
  return copy
}
