import type BetterSqlite3 from 'better-sqlite3'
import { verifyAuditChain } from '../store/queries/audit'
import { caseEvents } from '../store/queries/case-evidence'
import { readSetting } from '../store/queries/settings'
import { defaultTimeZone } from '../store/queries/workspace'
import type { CaseReportInput } from '../reports/case-report'
import { caseDetail, namedUsers, scoredUsers } from './case-detail'

/**
 * Everything a case report shows, read from the workspace in one snapshot: `reports:case` and
 * `argus report` both render from this.
 */
export function gatherCaseReport(sqlite: BetterSqlite3.Database, caseId: number, now = Date.now()): CaseReportInput {
  return sqlite.transaction(() => {
    const detail = caseDetail(sqlite, caseId)
    const { headHash, ok, entries } = verifyAuditChain(sqlite)
    return {
      detail,
      users: scoredUsers(sqlite, namedUsers(detail)),
      pinnedEvents: caseEvents(sqlite, caseId),
      audit: { headHash, ok, entries },
      generatedAt: now,
      timeZone: readSetting(sqlite, 'workspace.timeZone', defaultTimeZone),
    }
  })()
}
