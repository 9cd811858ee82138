import type { SyslogStart, SyslogStatus } from '../../shared/contract'
import { ArgusError } from '../../shared/errors'
import type { EventBus } from '../api/event-bus'
import type { Workspace } from '../store/database'
import type { WorkerPool } from '../workers/pool'

export interface SyslogService {
  start(options: SyslogStart): Promise<SyslogStatus>
  stop(): Promise<SyslogStatus>
  status(): SyslogStatus
}

const stopped: SyslogStatus = {
  state: 'stopped', host: null, udpPort: null, tcpPort: null, received: 0, parsed: 0, rejected: 0, dropped: 0,
  sourceId: null, startedAt: null, error: null,
}

/** One live listener per workspace, in a worker of its own; its status is pushed as it changes. */
export function createSyslogService(workspace: Workspace, pool: WorkerPool, bus: EventBus): SyslogService {
  let current: SyslogStatus = stopped
  let running: { controller: AbortController; done: Promise<SyslogStatus> } | null = null

  const publish = (status: SyslogStatus): void => {
    current = status
    bus.emit('syslog:status', status)
  }

  return {
    async start(options) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only; the listener would write to it')
      if (running) throw new ArgusError('bad_request', 'the syslog listener is already running; stop it first')
      const controller = new AbortController()
      let firstReport: (status: SyslogStatus) => void = () => {}
      const started = new Promise<SyslogStatus>((resolve) => (firstReport = resolve))
      publish({ ...stopped, state: 'starting', host: options.host })
      const done = pool
        .runDedicated({ kind: 'listen', workspacePath: workspace.path, options }, {
          signal: controller.signal,
          onProgress: (status) => {
            publish(status)
            firstReport(status)
          },
        })
        .catch((error: unknown): SyslogStatus => ({ ...current, state: 'failed', error: (error as Error).message }))
        .then((final) => {
          running = null
          publish(final)
          firstReport(final)
          return final
        })
      running = { controller, done }
      return started
    },
    async stop() {
      if (!running) return current
      running.controller.abort()
      return running.done
    },
    status() {
      return current
    },
  }
}
