import type { DayCount, ImportRequest, ImportSummary, IngestProgress, SyslogStart, SyslogStatus } from '../../shared/contract'
import type { MessagePort } from 'node:worker_threads'
import type { ErrorShape } from '../../shared/errors'
import type { Alert, ScoringSummary } from '../../shared/scoring-schemas'

/** Every job a worker can run, as a tagged union. Workers open their own connection by path. */
export type JobRequest =
  /** Days of `timeZone` (UTC when absent). */
  | { kind: 'eventsPerDay'; workspacePath: string; user?: string; timeZone?: string }
  /** `inferTimeZone`: see `ImportJobOptions`. */
  | { kind: 'import'; workspacePath: string; jobId: number; request: ImportRequest; writerPort: MessagePort | null; inferTimeZone: boolean }
  | { kind: 'write'; workspacePath: string; port: MessagePort }
  | { kind: 'listen'; workspacePath: string; options: SyslogStart }
  /** `full`: score everything, not only what the worker's last run left open. */
  | { kind: 'score'; workspacePath: string; full?: boolean }

/** What each kind of job answers with. */
export interface JobResults {
  eventsPerDay: DayCount[]
  import: ImportSummary
  listen: SyslogStatus
  score: { summary: ScoringSummary; newAlerts: Alert[] }
  write: null
}

/** What each kind of job reports while it runs. */
export interface JobProgress {
  eventsPerDay: { done: number; total: number }
  import: IngestProgress
  listen: SyslogStatus
  score: { stage: string; done: number; total: number }
  write: never
}

export type JobKind = JobRequest['kind']
export type JobResult<K extends JobKind> = JobResults[K]

/** Main → worker: run a job, or stop one that is running. */
export type JobMessage = { seq: number; request: JobRequest } | { seq: number; cancel: true }

/** Worker → main. */
export type WorkerMessage =
  | { seq: number; type: 'progress'; progress: JobProgress[JobKind] }
  | { seq: number; type: 'result'; result: JobResults[JobKind] }
  | { seq: number; type: 'error'; error: ErrorShape }
