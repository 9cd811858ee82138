import type { Generated, Insertable, Selectable } from 'kysely'

/** Append-only, hash-chained record of analyst and system actions. */
export interface AuditLogTable {
  id: Generated<number>
  ts: number
  actor: string
  action: string
  /** JSON text. */
  details: string
  prev_hash: string
  hash: string
}

export type AuditEntry = Selectable<AuditLogTable>
export type NewAuditEntry = Insertable<AuditLogTable>
