import { analystName } from '../cases/analyst'
import type { ArgusHandlers, Health } from '../../shared/contract'
import type { ScoringSettings } from '../../shared/scoring-schemas'
import type { ImportService } from '../ingest/import-service'
import type { ScoringService } from '../analysis/scoring-service'
import { anomalyTypes, defaultWeights } from '../scoring/types'
import { appendAudit } from '../store/queries/audit'
import { scoreEvent } from '../store/queries/score-event'
import { detectorPrecision, getAlert, listAlerts, listRiskyUsers, setVerdict, userDayOf, userDetail } from '../store/queries/scores'
import { defaultPlaybook, type PlaybookEntry } from '../scoring/explain'
import { validateRules } from '../scoring/rules'
import { readSetting, writeSetting } from '../store/queries/settings'
import { readRuleSet, writeRuleSet } from '../store/queries/rule-set'
import type { SyslogService } from '../syslog/syslog-service'
import { ArgusError } from '../../shared/errors'
import { parsers } from '../parsers'
import { listEvents } from '../store/queries/events'
import { listRejects } from '../store/queries/rejects'
import { listImports } from '../store/queries/sources'
import { readTimeZone, workspaceInfo } from '../store/queries/workspace'
import { alertStats } from '../store/queries/alert-stats'
import { weekHours } from '../store/queries/week-hours'
import { createSettingsHandlers } from './settings-handlers'
import type { Workspace } from '../store/database'
import type { WorkerPool } from '../workers/pool'
import type { EventBus } from './event-bus'
import { appVersion } from './version'
import { createCaseHandlers } from '../cases/case-handlers'
import type { PdfPrinter } from '../reports/case-report'
import { writeTransaction } from '../store/write-transaction'

export interface EngineContext {
  workspace: Workspace
  pool: WorkerPool
  bus: EventBus
  imports: ImportService
  syslog: SyslogService
  scoring: ScoringService
  door: Health['door']
  startedAt: number
  /** Prints a report's HTML to PDF: Electron's own printToPDF on the desktop, headless Chromium otherwise. */
  printPdf?: PdfPrinter
}

/** The ArgusApi, implemented once for every door. */
export function createHandlers(context: EngineContext): ArgusHandlers {
  const { workspace, pool, bus, imports, syslog, scoring } = context
  const { sqlite } = workspace
  let nextJobId = 1
  const settings = (): ScoringSettings => ({
    weights: readSetting(sqlite, 'scoring.weights', defaultWeights),
    alertPercentile: readSetting<number | null>(sqlite, 'scoring.alertPercentile', null),
  })
  /** The default playbook with the analyst's edits over it. */
  const playbook = (): Record<string, PlaybookEntry> => ({ ...defaultPlaybook, ...readSetting<Record<string, PlaybookEntry>>(sqlite, 'scoring.playbook', {}) })
  return {
    async 'app:health'() {
      return {
        status: 'ok',
        version: appVersion,
        uptimeSeconds: (Date.now() - context.startedAt) / 1000,
        workerThreads: pool.size,
        door: context.door,
      }
    },
    'workspace:info': () => workspaceInfo(workspace),
    'imports:list': (query) => listImports(workspace.db, query),
    'events:list': (query) => listEvents(workspace.db, query),
    async 'imports:start'(request) {
      return { jobId: imports.start(request).jobId }
    },
    async 'imports:cancel'({ jobId }) {
      return { cancelled: imports.cancel(jobId) }
    },
    async 'imports:jobs'() {
      return { items: imports.jobs() }
    },
    'imports:rejects': (query) => listRejects(workspace.db, query),
    async 'imports:formats'() {
      return { items: parsers.map(({ name, description }) => ({ name, description })) }
    },
    'syslog:start': (options) => syslog.start(options),
    'syslog:stop': () => syslog.stop(),
    async 'syslog:status'() {
      return syslog.status()
    },
    'scoring:run': () => scoring.run(),
    async 'scoring:settings'() {
      return settings()
    },
    async 'scoring:setAlertPercentile'({ percentile }) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
      writeTransaction(sqlite, () => {
        writeSetting(sqlite, 'scoring.alertPercentile', percentile)
        appendAudit(sqlite, { actor: analystName(sqlite), action: 'settings.alertPercentile', details: { percentile } })
      })
      scoring.schedule()
      return settings()
    },
    async 'scoring:setWeights'(weights) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
      writeTransaction(sqlite, () => {
        writeSetting(sqlite, 'scoring.weights', weights)
        appendAudit(sqlite, { actor: analystName(sqlite), action: 'settings.weights', details: weights })
      })
      scoring.schedule()
      return settings()
    },
    async 'scoring:rules'() {
      return { rules: readRuleSet(sqlite) }
    },
    async 'scoring:setRules'({ rules }) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
      const checked = validateRules(rules)
      if (checked.errors.length > 0) throw new ArgusError('bad_request', `the rule set is not valid: ${checked.errors.join('; ')}`)
      writeTransaction(sqlite, () => {
        writeRuleSet(sqlite, checked.rules)
        appendAudit(sqlite, { actor: analystName(sqlite), action: 'settings.rules', details: { rules: checked.rules.map((rule) => rule.id) } })
      })
      scoring.schedule()
      return { rules: checked.rules }
    },
    async 'scoring:precision'() {
      return { items: detectorPrecision(sqlite) }
    },
    async 'scoring:scoreEvent'(event) {
      return scoreEvent(sqlite, event)
    },
    async 'users:listRisky'(query) {
      return listRiskyUsers(sqlite, query)
    },
    async 'users:detail'({ user }) {
      return userDetail(sqlite, user.toLowerCase())
    },
    async 'alerts:list'(query) {
      return listAlerts(sqlite, query)
    },
    async 'alerts:stats'(query) {
      return alertStats(sqlite, query)
    },
    async 'alerts:verdict'(input) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
      const alert = setVerdict(sqlite, input, analystName(sqlite))
      // Verdicts feed back: repeated false positives of a kind are damped in the next run.
      scoring.schedule()
      return alert
    },
    async 'alerts:detail'({ id }) {
      const alert = getAlert(sqlite, id)
      const day = userDayOf(sqlite, alert.user, alert.date)
      const entries = playbook()
      return { alert, day, playbook: alert.types.filter((type) => type in entries).map((type) => ({ type, entry: entries[type]! })) }
    },
    async 'scoring:playbook'() {
      return { entries: playbook() }
    },
    async 'scoring:setPlaybookEntry'({ type, entry }) {
      if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
      if (!(anomalyTypes as readonly string[]).includes(type)) throw new ArgusError('bad_request', `unknown anomaly type '${type}'; known: ${anomalyTypes.join(', ')}`)
      writeTransaction(sqlite, () => {
        writeSetting(sqlite, 'scoring.playbook', { ...readSetting<Record<string, unknown>>(sqlite, 'scoring.playbook', {}), [type]: entry })
        appendAudit(sqlite, { actor: analystName(sqlite), action: 'settings.playbook', details: { type } })
      })
      return { entries: playbook() }
    },
    async 'stats:eventsPerDay'(query) {
      const jobId = nextJobId++
      // The days scoring counts: calendar days of the workspace's zone.
      const timeZone = readTimeZone(sqlite)
      const days = await pool.run(
        { kind: 'eventsPerDay', workspacePath: workspace.path, timeZone, ...(query.user ? { user: query.user } : {}) },
        { onProgress: ({ done, total }) => bus.emit('job:progress', { jobId, kind: 'eventsPerDay', done, total }) },
      )
      return { timeZone, days }
    },
    async 'stats:weekHours'(query) {
      return weekHours(sqlite, query, readTimeZone(sqlite))
    },
    ...createSettingsHandlers(context),
    ...createCaseHandlers(context),
  }
}
