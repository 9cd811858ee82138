import BetterSqlite3 from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { ArgusError } from '../../shared/errors'
import { eventsPerDay } from './events-per-day'
import type { JobMessage, JobRequest, JobResults, WorkerMessage } from './protocol'

// The worker's message loop is one of the few places that catches everything: a job's failure
// must reach its caller as a typed error and leave the worker alive for the next job.

const port = parentPort
const { nativeBinding } = workerData as { nativeBinding: string | null }
if (!port) throw new Error('job.worker must run inside a worker thread')

port.on('message', (message: JobMessage) => {
  const post = (reply: WorkerMessage): void => port.postMessage(reply)
  try {
    const result = run(message.request, (done, total) => post({ seq: message.seq, type: 'progress', done, total }))
    post({ seq: message.seq, type: 'result', result })
  } catch (error) {
    const shape =
      error instanceof ArgusError ? error.toShape() : { code: 'internal' as const, message: (error as Error).message }
    post({ seq: message.seq, type: 'error', error: shape })
  }
})

function run(request: JobRequest, onProgress: (done: number, total: number) => void): JobResults[JobRequest['kind']] {
  switch (request.kind) {
    case 'eventsPerDay': {
      // Read-only: only one connection writes to a workspace.
      const sqlite = new BetterSqlite3(request.workspacePath, {
        readonly: true,
        fileMustExist: true,
        ...(nativeBinding ? { nativeBinding } : {}),
      })
      try {
        return eventsPerDay(sqlite, request.user, onProgress)
      } finally {
        sqlite.close()
      }
    }
  }
}
