import { createHash } from 'node:crypto'
import type { ArgusHandlers } from '../../shared/contract'
import type { CaseEvidence } from '../../shared/case-schemas'
import type { Workspace } from '../store/database'
import { attachEvidence, detachEvidence, pinnedEventsOf } from '../store/queries/case-evidence'
import { createCase, getCase, listCases, renameCase, setCaseStatus, touchCase } from '../store/queries/cases'
import { addNote, editNote, noteHistory } from '../store/queries/notes'
import { readSetting } from '../store/queries/settings'
import { defaultTimeZone } from '../store/queries/workspace'
import { recordChange } from './audited'
import { caseDetail } from './case-detail'

export type CaseCalls = Pick<ArgusHandlers, Extract<keyof ArgusHandlers, `cases:${string}`>>

/** What the audit trail says about a piece of evidence: what it is, without the empty fields. */
function evidenceDetails(evidence: CaseEvidence): Record<string, unknown> {
  const { caseId, id, kind, user, alertId, eventId, from, to, label } = evidence
  const given = Object.entries({ user, alertId, eventId, from, to, label }).filter(([, value]) => value !== null)
  return { caseId, evidenceId: id, kind, ...Object.fromEntries(given) }
}

/** Notes go into the chain as a hash: the trail stays small and every revision becomes tamper-evident. */
function noteDetails(caseId: number, noteId: number, revision: number, body: string): Record<string, unknown> {
  return { caseId, noteId, revision, bodySha256: createHash('sha256').update(body).digest('hex') }
}

export function createCaseCalls(workspace: Workspace): CaseCalls {
  const { sqlite } = workspace
  return {
    async 'cases:list'(query) {
      return listCases(sqlite, query)
    },
    async 'cases:create'({ title }) {
      return recordChange(workspace, 'case.create', (author, now) => {
        const value = createCase(sqlite, title, author, now)
        return { value, details: { caseId: value.id, title } }
      })
    },
    async 'cases:rename'({ id, title }) {
      return recordChange(workspace, 'case.rename', (_author, now) => {
        const { value, before, changed } = renameCase(sqlite, id, title, now)
        return { value, details: changed ? { caseId: id, from: before, to: title } : null }
      })
    },
    async 'cases:setStatus'({ id, status }) {
      return recordChange(workspace, 'case.status', (_author, now) => {
        const { value, changed } = setCaseStatus(sqlite, id, status, now)
        return { value, details: changed ? { caseId: id, status } : null }
      })
    },
    async 'cases:detail'({ id }) {
      return caseDetail(sqlite, id)
    },
    async 'cases:attach'({ caseId, evidence }) {
      return recordChange(workspace, 'case.attach', (author, now) => {
        getCase(sqlite, caseId)
        const timeZone = readSetting(sqlite, 'workspace.timeZone', defaultTimeZone)
        const { value, added } = attachEvidence(sqlite, caseId, evidence, { author, now, timeZone })
        if (added) touchCase(sqlite, caseId, now)
        return { value, details: added ? evidenceDetails(value) : null }
      })
    },
    async 'cases:detach'({ caseId, evidenceId }) {
      return recordChange(workspace, 'case.detach', (_author, now) => {
        getCase(sqlite, caseId)
        const removed = detachEvidence(sqlite, caseId, evidenceId)
        if (removed) touchCase(sqlite, caseId, now)
        return { value: { removed: removed !== null }, details: removed ? evidenceDetails(removed) : null }
      })
    },
    async 'cases:addNote'({ caseId, body }) {
      return recordChange(workspace, 'note.add', (author, now) => {
        getCase(sqlite, caseId)
        const value = addNote(sqlite, caseId, body, author, now)
        touchCase(sqlite, caseId, now)
        return { value, details: noteDetails(caseId, value.id, value.revision, body) }
      })
    },
    async 'cases:editNote'({ noteId, body }) {
      return recordChange(workspace, 'note.edit', (author, now) => {
        const { value, changed } = editNote(sqlite, noteId, body, author, now)
        if (changed) touchCase(sqlite, value.caseId, now)
        return { value, details: changed ? noteDetails(value.caseId, noteId, value.revision, body) : null }
      })
    },
    async 'cases:noteHistory'({ noteId }) {
      return { items: noteHistory(sqlite, noteId) }
    },
    async 'cases:pinnedEvents'({ user }) {
      return { items: pinnedEventsOf(sqlite, user) }
    },
  }
}
