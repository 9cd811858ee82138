import { parentPort, workerData } from 'node:worker_threads'
import { ArgusError } from '../../shared/errors'
import { scoreWorkspace } from '../analysis/score-workspace'
import { serveEntryWriter } from '../ingest/entry-writer'
import { runImport } from '../ingest/import-job'
import { createImportWriter } from '../store/queries/import-writer'
import { openWorkerConnection } from '../store/database'
import { runLiveIngest } from '../syslog/live-ingest'
import { eventsPerDay } from './events-per-day'
import type { JobMessage, JobProgress, JobRequest, JobResults, WorkerMessage } from './protocol'

// The worker's message loop is one of the few places that catches everything: a job's failure
// must reach its caller as a typed error and leave the worker alive for the next job.

const port = parentPort
if (!port) throw new Error('job.worker must run inside a worker thread')
const { nativeBinding } = workerData as { nativeBinding: string | null }
const cancelled = new Set<number>()

port.on('message', (message: JobMessage) => {
  if ('cancel' in message) {
    cancelled.add(message.seq)
    return
  }
  const { seq, request } = message
  const post = (reply: WorkerMessage): void => port.postMessage(reply)
  run(request, seq, (progress) => post({ seq, type: 'progress', progress }))
    .then(
      (result) => post({ seq, type: 'result', result }),
      (error: unknown) => {
        const shape = error instanceof ArgusError ? error.toShape() : { code: 'internal' as const, message: (error as Error).message }
        post({ seq, type: 'error', error: shape })
      },
    )
    .finally(() => cancelled.delete(seq))
})

async function run<K extends JobRequest['kind']>(
  request: JobRequest,
  seq: number,
  onProgress: (progress: JobProgress[K]) => void,
): Promise<JobResults[JobRequest['kind']]> {
  const report = onProgress as (progress: JobProgress[JobRequest['kind']]) => void
  switch (request.kind) {
    case 'eventsPerDay': {
      // Read-only: only one connection writes to a workspace at a time.
      const sqlite = openWorkerConnection(request.workspacePath, { readOnly: true, nativeBinding })
      try {
        return eventsPerDay(sqlite, request.user, request.timeZone ?? 'UTC', (done, total) => report({ done, total }))
      } finally {
        sqlite.close()
      }
    }
    case 'listen':
      return runLiveIngest(request.workspacePath, request.options, {
        nativeBinding,
        isCancelled: () => cancelled.has(seq),
        report,
      })
    case 'score':
      return scoreWorkspace(request.workspacePath, { nativeBinding, report, full: request.full ?? false })
    case 'write': {
      const sqlite = openWorkerConnection(request.workspacePath, { nativeBinding })
      try {
        await serveEntryWriter(request.port, createImportWriter(sqlite))
        return null
      } finally {
        sqlite.close()
      }
    }
    case 'import':
      return runImport(request.workspacePath, request.request, {
        jobId: request.jobId,
        writerPort: request.writerPort,
        inferTimeZone: request.inferTimeZone,
        nativeBinding,
        isCancelled: () => cancelled.has(seq),
        report,
      })
  }
}
