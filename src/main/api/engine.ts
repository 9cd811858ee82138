import type { ArgusHandlers, Health } from '../../shared/contract'
import { openWorkspace, type Workspace } from '../store/database'
import { createWorkerPool, type WorkerPool } from '../workers/pool'
import { createEventBus, type EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { createImportService, type ImportService } from '../ingest/import-service'
import { createSyslogService, type SyslogService } from '../syslog/syslog-service'
import { createScoringService, type ScoringService } from '../analysis/scoring-service'
import type { PdfPrinter } from '../reports/case-report'

/** Everything a door needs: the workspace, the worker pool, pushed events and the handlers. */
export interface Engine {
  workspace: Workspace
  pool: WorkerPool
  bus: EventBus
  handlers: ArgusHandlers
  imports: ImportService
  syslog: SyslogService
  scoring: ScoringService
  close(): Promise<void>
}

export interface EngineOptions {
  workspacePath: string
  door: Health['door']
  readOnly?: boolean
  workerThreads?: number
  nativeBinding?: string
  printPdf?: PdfPrinter
}

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const workspace = await openWorkspace(options.workspacePath, {
    readOnly: options.readOnly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const pool = createWorkerPool({
    ...(options.workerThreads ? { size: options.workerThreads } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const bus = createEventBus()
  const imports = createImportService(workspace, pool, bus)
  const syslog = createSyslogService(workspace, pool, bus)
  const scoring = createScoringService(workspace, pool, bus)
  // New evidence changes every score that depends on it: re-score once an import has landed.
  bus.on('ingest:finished', (summary) => {
    if (summary.events > 0) scoring.schedule()
  })
  // Live syslog commits every 250 ms; each batch that stored something asks for a (coalesced) run.
  let liveParsed = 0
  bus.on('syslog:status', (status) => {
    if (status.parsed > liveParsed) scoring.schedule()
    liveParsed = status.state === 'running' ? status.parsed : 0
  })
  const handlers = createHandlers({ workspace, pool, bus, imports, syslog, scoring, door: options.door, startedAt: Date.now(), ...(options.printPdf ? { printPdf: options.printPdf } : {}) })
  return {
    workspace,
    pool,
    bus,
    handlers,
    imports,
    syslog,
    scoring,
    async close() {
      await syslog.stop()
      await imports.close()
      await scoring.close()
      await pool.close()
      await workspace.close()
    },
  }
}
