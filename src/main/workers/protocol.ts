import type { DayCount } from '../../shared/contract'
import type { ErrorShape } from '../../shared/errors'

/** Every job a worker can run, as a tagged union. Workers open their own connection by path. */
export type JobRequest = { kind: 'eventsPerDay'; workspacePath: string; user?: string }

/** What each kind of job answers with. */
export interface JobResults {
  eventsPerDay: DayCount[]
}

export type JobKind = JobRequest['kind']
export type JobResult<K extends JobKind> = JobResults[K]

/** Main → worker. */
export interface JobMessage {
  seq: number
  request: JobRequest
}

/** Worker → main. */
export type WorkerMessage =
  | { seq: number; type: 'progress'; done: number; total: number }
  | { seq: number; type: 'result'; result: JobResults[JobKind] }
  | { seq: number; type: 'error'; error: ErrorShape }
