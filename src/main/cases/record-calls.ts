import type { ArgusHandlers } from '../../shared/contract'
import { renderCaseReport, type PdfPrinter } from '../reports/case-report'
import type { Workspace } from '../store/database'
import { listAudit, verifyAuditChain } from '../store/queries/audit'
import { recordExport } from './audited'
import { backupWorkspace } from './backup'
import { gatherCaseReport } from './case-report-input'
import { exportFile } from './exports'

export type RecordCalls = Pick<ArgusHandlers, 'audit:list' | 'audit:verify' | 'exports:alerts' | 'exports:events' | 'reports:case' | 'workspace:backup'>

/** The audit trail and everything that hands the workspace's contents out: exports, reports, backups. */
/** `printPdf`: how reports become PDF (headless Chromium when absent). */
export function createRecordCalls(workspace: Workspace, printPdf?: PdfPrinter): RecordCalls {
  const { sqlite } = workspace
  return {
    async 'audit:list'(query) {
      return listAudit(sqlite, query)
    },
    async 'audit:verify'() {
      return verifyAuditChain(sqlite)
    },
    async 'exports:alerts'({ format, ...filters }) {
      return exportFile(workspace, 'alerts', format, filters)
    },
    async 'exports:events'({ format, ...filters }) {
      return exportFile(workspace, 'events', format, filters)
    },
    async 'reports:case'({ caseId, format }) {
      const input = gatherCaseReport(sqlite, caseId)
      const file = await renderCaseReport(input, format, printPdf)
      // Recorded once the report exists; it names the audit head the report prints.
      return recordExport(workspace, 'case.report', () => ({ value: file, details: { caseId, format, auditHead: input.audit.headHash } }))
    },
    'workspace:backup': ({ path }) => backupWorkspace(workspace, path),
  }
}
