import type BetterSqlite3 from 'better-sqlite3'
import type { CaseDetail } from '../../shared/case-schemas'
import { ArgusError } from '../../shared/errors'
import type { UserDetail } from '../../shared/scoring-schemas'
import { listEvidence } from '../store/queries/case-evidence'
import { getCase } from '../store/queries/cases'
import { listNotes } from '../store/queries/notes'
import { getAlert, userDetail } from '../store/queries/scores'
import { tagsOn } from '../store/queries/tags'

/** The scored ones among `users`, riskiest first; a user never scored has no detail to show. */
export function scoredUsers(sqlite: BetterSqlite3.Database, users: readonly string[]): UserDetail[] {
  const details = users.flatMap((user) => {
    try {
      return [userDetail(sqlite, user)]
    } catch (error) {
      if (error instanceof ArgusError && error.code === 'not_found') return []
      throw error
    }
  })
  return details.sort((a, b) => b.user.risk - a.user.risk || a.user.user.localeCompare(b.user.user))
}

/** The users a case names: directly, or through its alerts, events and ranges. */
export function namedUsers(detail: Pick<CaseDetail, 'evidence'>): string[] {
  return [...new Set(detail.evidence.flatMap((item) => (item.user === null ? [] : [item.user])))].sort()
}

export function caseDetail(sqlite: BetterSqlite3.Database, id: number): CaseDetail {
  const value = getCase(sqlite, id)
  const evidence = listEvidence(sqlite, id)
  const users = namedUsers({ evidence })
  const ids = (kind: 'alert' | 'event'): number[] =>
    evidence.flatMap((item) => (item.kind !== kind ? [] : [kind === 'alert' ? item.alertId! : item.eventId!]))
  return {
    case: value,
    evidence,
    notes: listNotes(sqlite, id),
    users: scoredUsers(sqlite, users).map((detail) => detail.user),
    alerts: ids('alert').map((alertId) => getAlert(sqlite, alertId)),
    tags: tagsOn(sqlite, { user: users, alert: ids('alert').map(String), event: ids('event').map(String) }),
  }
}
