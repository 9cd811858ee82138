import { existsSync } from 'node:fs'
import { MessageChannel } from 'node:worker_threads'
import type { ImportRequest, ImportSummary, IngestProgress } from '../../shared/contract'
import { ArgusError } from '../../shared/errors'
import type { EventBus } from '../api/event-bus'
import type { Workspace } from '../store/database'
import { readSetting, writeSetting } from '../store/queries/settings'
import { isTimeZoneChosen, readDefaultYear, readTimeZone } from '../store/queries/workspace'
import { setTimeZone } from '../store/queries/workspace-settings'
import type { WorkerPool } from '../workers/pool'

interface Job {
  request: ImportRequest
  /** The request named its zone; otherwise the workspace's is read when the job begins. */
  zoneGiven: boolean
  progress: IngestProgress
  controller: AbortController
  done: Promise<ImportSummary>
  resolve(summary: ImportSummary): void
}

export interface ImportService {
  /** Queues an import; imports run one at a time because each holds the workspace's write lock. */
  start(request: ImportRequest): { jobId: number; done: Promise<ImportSummary> }
  cancel(jobId: number): boolean
  /** Running and queued jobs, then the most recent finished ones. */
  jobs(): IngestProgress[]
  /** Cancels everything and waits for the running import to roll back, so no transaction is cut off. */
  close(): Promise<void>
}

const keptFinished = 20
const finishedStates: readonly IngestProgress['state'][] = ['done', 'failed', 'cancelled']

export function createImportService(workspace: Workspace, pool: WorkerPool, bus: EventBus): ImportService {
  const jobs = new Map<number, Job>()
  const queue: number[] = []
  let nextJobId = 1
  let running = false

  function emit(job: Job): void {
    bus.emit('ingest:progress', { ...job.progress })
  }

  async function drain(): Promise<void> {
    if (running) return
    running = true
    for (let jobId = queue.shift(); jobId !== undefined; jobId = queue.shift()) {
      const job = jobs.get(jobId)
      if (job) await runJob(jobId, job)
    }
    running = false
  }

  async function runJob(jobId: number, job: Job): Promise<void> {
    let summary: ImportSummary
    // Parsing in one worker, inserting in another: the two overlap on two cores. The channel
    // between them is theirs alone; the writer ends when the import says it is done.
    const channel = new MessageChannel()
    // Read when the job begins, not when it was queued: an import before it may have set the zone.
    const inferTimeZone = !job.zoneGiven && !isTimeZoneChosen(workspace.sqlite) && workspace.sqlite.prepare('select 1 from events limit 1').get() === undefined
    const request = job.zoneGiven ? job.request : { ...job.request, timeZone: readTimeZone(workspace.sqlite) }
    const writer = pool.runDedicated(
      { kind: 'write', workspacePath: workspace.path, port: channel.port1 },
      { transfer: [channel.port1] },
    )
    try {
      summary = await pool.run(
        { kind: 'import', workspacePath: workspace.path, jobId, request, writerPort: channel.port2, inferTimeZone },
        {
          signal: job.controller.signal,
          transfer: [channel.port2],
          onProgress: (progress) => {
            job.progress = progress
            emit(job)
          },
        },
      )
      await writer
      if (summary.inferredTimeZone) setTimeZone(workspace.sqlite, summary.inferredTimeZone.timeZone, 'import')
    } catch (error) {
      summary = { jobId, state: 'failed', events: 0, rejects: 0, files: [], error: (error as Error).message }
    }
    job.progress = { ...job.progress, state: summary.state, currentEntry: null }
    emit(job)
    bus.emit('ingest:finished', summary)
    job.resolve(summary)
    forgetOldJobs()
  }

  function forgetOldJobs(): void {
    const finished = [...jobs.entries()].filter(([, job]) => finishedStates.includes(job.progress.state))
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - keptFinished))) jobs.delete(jobId)
  }

  /** A mapping given with a format is saved for it; a format given alone gets its saved mapping. */
  function rememberMapping(format: string, mapping: ImportRequest['mapping']): ImportRequest['mapping'] {
    const key = `ingest.mapping.${format}`
    if (mapping) {
      writeSetting(workspace.sqlite, key, mapping)
      return mapping
    }
    return readSetting<ImportRequest['mapping']>(workspace.sqlite, key, undefined)
  }

  return {
    start(request) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only; imports are disabled')
      const missing = request.paths.filter((path) => !existsSync(path))
      if (missing.length > 0) throw new ArgusError('not_found', `no such file or folder: ${missing.join(', ')}`)
      const jobId = nextJobId++
      // The year RFC 3164 lines lack: the request's, else the one set in Settings, else each file's date decides.
      const year = request.year ?? readDefaultYear(workspace.sqlite) ?? undefined
      const mapping = request.format ? rememberMapping(request.format, request.mapping) : undefined
      let resolve: (summary: ImportSummary) => void = () => {}
      const done = new Promise<ImportSummary>((settle) => (resolve = settle))
      const job: Job = {
        request: { ...request, ...(year === undefined ? {} : { year }), ...(mapping ? { mapping } : {}) },
        zoneGiven: request.timeZone !== undefined,
        controller: new AbortController(),
        done,
        resolve,
        progress: {
          jobId, state: 'queued', paths: request.paths, bytesDone: 0, bytesTotal: 0, events: 0, rejects: 0,
          eventsPerSecond: 0, filesDone: 0, currentEntry: null, startedAt: Date.now(),
        },
      }
      jobs.set(jobId, job)
      queue.push(jobId)
      emit(job)
      void drain()
      return { jobId, done }
    },
    cancel(jobId) {
      const job = jobs.get(jobId)
      if (!job || finishedStates.includes(job.progress.state)) return false
      const queued = queue.indexOf(jobId)
      if (queued >= 0) {
        queue.splice(queued, 1)
        job.progress = { ...job.progress, state: 'cancelled' }
        emit(job)
        job.resolve({ jobId, state: 'cancelled', events: 0, rejects: 0, files: [], error: null })
        return true
      }
      job.controller.abort()
      return true
    },
    jobs() {
      return [...jobs.values()].map((job) => ({ ...job.progress })).reverse()
    },
    async close() {
      for (const jobId of [...queue]) this.cancel(jobId)
      const active = [...jobs.values()].filter((job) => !finishedStates.includes(job.progress.state))
      for (const job of active) job.controller.abort()
      await Promise.all(active.map((job) => job.done))
    },
  }
}
