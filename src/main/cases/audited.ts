import type BetterSqlite3 from 'better-sqlite3'
import { ArgusError } from '../../shared/errors'
import { appendAudit } from '../store/queries/audit'
import { writeTransaction } from '../store/write-transaction'
import { analystName } from './analyst'

/** The part of a workspace an audited operation needs. */
export interface AuditedWorkspace {
  readonly sqlite: BetterSqlite3.Database
  readonly readOnly: boolean
}

/** What an operation did: its result, and the audit details to record (null when nothing changed). */
export interface Outcome<T> {
  value: T
  details: Record<string, unknown> | null
}

type Operation<T> = (actor: string, now: number) => Outcome<T>

function runAudited<T>(workspace: AuditedWorkspace, action: string, operation: Operation<T>): T {
  const { sqlite } = workspace
  const actor = analystName(sqlite)
  const now = Date.now()
  // One transaction: the change lands with its audit entry or, if either fails, neither does.
  return writeTransaction(sqlite, () => {
    const { value, details } = operation(actor, now)
    if (details !== null) appendAudit(sqlite, { actor, action, details }, now)
    return value
  })
}

/** A change to the workspace and its audit entry, atomically; refused on a read-only workspace. */
export function recordChange<T>(workspace: AuditedWorkspace, action: string, operation: Operation<T>): T {
  if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
  return runAudited(workspace, action, operation)
}

/**
 * Hands data out (an export, a report) with its audit entry; `operation` should be quick, as it
 * runs under the write lock: read the data before. A read-only workspace can still be exported
 * for review, but cannot record it: nothing may be written there.
 */
export function recordExport<T>(workspace: AuditedWorkspace, action: string, operation: Operation<T>): T {
  if (workspace.readOnly) return operation(analystName(workspace.sqlite), Date.now()).value
  return runAudited(workspace, action, operation)
}
