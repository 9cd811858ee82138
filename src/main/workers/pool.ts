import { availableParallelism } from 'node:os'
import { Worker, type TransferListItem } from 'node:worker_threads'
import { ArgusError } from '../../shared/errors'
import jobWorkerPath from './job.worker?modulePath'
import type { JobKind, JobMessage, JobProgress, JobRequest, JobResult, WorkerMessage } from './protocol'

/** A fixed set of worker threads that runs jobs off the main thread, first come first served. */
export interface WorkerPool {
  readonly size: number
  run<R extends JobRequest>(request: R, options?: RunOptions<R['kind']>): Promise<JobResult<R['kind']>>
  /**
   * Runs one long-lived job (the syslog listener) on a worker of its own, so it never holds a
   * pool slot; the worker ends with the job.
   */
  runDedicated<R extends JobRequest>(request: R, options?: RunOptions<R['kind']>): Promise<JobResult<R['kind']>>
  close(): Promise<void>
}

export interface RunOptions<K extends JobKind> {
  onProgress?: (progress: JobProgress[K]) => void
  /** Aborting removes a queued job, or asks a running one to stop (it answers with its partial result). */
  signal?: AbortSignal
  /** Objects the request carries that move to the worker (a MessagePort between two jobs). */
  transfer?: TransferListItem[]
  /**
   * Always run on the pool's first worker, so what one such job leaves in that worker's memory
   * (the scorer's checkpoint) is there for the next; a restarted worker simply starts empty.
   */
  pinned?: boolean
}

interface PendingJob {
  seq: number
  request: JobRequest
  transfer: TransferListItem[]
  pinned: boolean
  onProgress: ((progress: JobProgress[JobKind]) => void) | undefined
  resolve: (result: JobResult<JobKind>) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  job: PendingJob | null
}

/** Leave one core to the main thread (UI, IPC, HTTP); never fewer than one worker. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

export interface PoolOptions {
  size?: number
  /** Electron-built better-sqlite3 addon for the workers; the Node build is used when absent. */
  nativeBinding?: string
}

export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const size = options.size ?? defaultPoolSize()
  const workerData = { nativeBinding: options.nativeBinding ?? null }
  const queue: PendingJob[] = []
  const slots: Slot[] = []
  const dedicated = new Set<Worker>()
  let nextSeq = 1
  let closed = false

  function spawn(): Slot {
    const slot: Slot = { worker: startWorker(jobWorkerPath, workerData), job: null }
    slot.worker.on('message', (message: WorkerMessage) => receive(slot, message))
    slot.worker.on('error', (error) => fail(slot, error))
    slot.worker.on('exit', (code) => {
      if (!closed) fail(slot, new Error(`worker exited with code ${code}`))
    })
    return slot
  }

  function receive(slot: Slot, message: WorkerMessage): void {
    const job = slot.job
    if (!job || job.seq !== message.seq) return
    if (message.type === 'progress') {
      job.onProgress?.(message.progress)
      return
    }
    slot.job = null
    if (message.type === 'result') job.resolve(message.result)
    else job.reject(new ArgusError(message.error.code, message.error.message))
    dispatch()
  }

  function fail(slot: Slot, error: Error): void {
    const job = slot.job
    slot.job = null
    job?.reject(new ArgusError('internal', `worker failed: ${error.message}`))
    const index = slots.indexOf(slot)
    if (index >= 0 && !closed) {
      void slot.worker.terminate()
      slots[index] = spawn()
      dispatch()
    }
  }

  function cancel(job: PendingJob): void {
    const queued = queue.indexOf(job)
    if (queued >= 0) {
      queue.splice(queued, 1)
      job.reject(new ArgusError('not_available', 'cancelled before it started'))
      return
    }
    const slot = slots.find((candidate) => candidate.job === job)
    const message: JobMessage = { seq: job.seq, cancel: true }
    slot?.worker.postMessage(message)
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job) continue
      const next = queue.findIndex((job) => !job.pinned || slot === slots[0])
      if (next < 0) continue
      const job = queue.splice(next, 1)[0]!
      slot.job = job
      const message: JobMessage = { seq: job.seq, request: job.request }
      slot.worker.postMessage(message, job.transfer)
    }
  }

  for (let index = 0; index < size; index += 1) slots.push(spawn())

  return {
    size,
    run<R extends JobRequest>(request: R, options: RunOptions<R['kind']> = {}): Promise<JobResult<R['kind']>> {
      if (closed) return Promise.reject(new ArgusError('not_available', 'the worker pool is closed'))
      return new Promise((resolve, reject) => {
        const job: PendingJob = {
          seq: nextSeq++,
          request,
          transfer: options.transfer ?? [],
          pinned: options.pinned ?? false,
          onProgress: options.onProgress as PendingJob['onProgress'],
          resolve: resolve as PendingJob['resolve'],
          reject,
        }
        options.signal?.addEventListener('abort', () => cancel(job), { once: true })
        queue.push(job)
        dispatch()
      })
    },
    runDedicated<R extends JobRequest>(request: R, options: RunOptions<R['kind']> = {}): Promise<JobResult<R['kind']>> {
      if (closed) return Promise.reject(new ArgusError('not_available', 'the worker pool is closed'))
      const seq = nextSeq++
      const worker = startWorker(jobWorkerPath, workerData)
      dedicated.add(worker)
      return new Promise<JobResult<R['kind']>>((resolve, reject) => {
        const finish = (): void => {
          dedicated.delete(worker)
          void worker.terminate()
        }
        worker.on('message', (message: WorkerMessage) => {
          if (message.seq !== seq) return
          if (message.type === 'progress') return options.onProgress?.(message.progress as JobProgress[R['kind']])
          finish()
          if (message.type === 'result') resolve(message.result as JobResult<R['kind']>)
          else reject(new ArgusError(message.error.code, message.error.message))
        })
        worker.on('error', (error) => {
          finish()
          reject(new ArgusError('internal', `worker failed: ${error.message}`))
        })
        options.signal?.addEventListener('abort', () => worker.postMessage({ seq, cancel: true } satisfies JobMessage), { once: true })
        worker.postMessage({ seq, request } satisfies JobMessage, options.transfer ?? [])
      })
    },
    async close() {
      closed = true
      await Promise.all([...dedicated].map((worker) => worker.terminate()))
      for (const job of queue.splice(0)) job.reject(new ArgusError('not_available', 'the worker pool closed'))
      for (const slot of slots) slot.job?.reject(new ArgusError('not_available', 'the worker pool closed'))
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}

/**
 * Built, the worker is plain JS. Under the test runner it is TypeScript source: Node 20 does not
 * apply `--import` loaders inside workers, so a small CommonJS bootstrap registers tsx first.
 */
function startWorker(entry: string, workerData: unknown): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData })
  const bootstrap = `require(require.resolve('tsx/cjs/api', { paths: [${JSON.stringify(entry)}] })).register();
require(${JSON.stringify(entry)})`
  return new Worker(bootstrap, { eval: true, workerData })
}
