import type BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { AuditEntry } from '../schema/audit-log'

export interface AuditInput {
  actor: string
  action: string
  details: Record<string, unknown>
}

/** The hash before the first entry. */
export const genesisHash = '0'.repeat(64)

/**
 * Appends one entry whose hash covers its content and the hash of the entry before it, so
 * rewriting any row breaks every hash after it. Synchronous on purpose: callers wrap it in the
 * same transaction as the change it records.
 */
export function appendAudit(sqlite: BetterSqlite3.Database, input: AuditInput, now = Date.now()): string {
  const prevHash = latestAuditHash(sqlite)
  const details = JSON.stringify(input.details)
  const hash = auditHash(prevHash, now, input.actor, input.action, details)
  sqlite
    .prepare('insert into audit_log (ts, actor, action, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?)')
    .run(now, input.actor, input.action, details, prevHash, hash)
  return hash
}

export function auditHash(prevHash: string, ts: number, actor: string, action: string, details: string): string {
  return createHash('sha256').update(JSON.stringify([prevHash, ts, actor, action, details])).digest('hex')
}

export interface ChainCheck {
  ok: boolean
  entries: number
  headHash: string
  /** The first entry whose stored hashes do not match its content or its predecessor. */
  brokenAt: number | null
}

export function verifyAuditChain(sqlite: BetterSqlite3.Database): ChainCheck {
  const rows = sqlite
    .prepare('select id, ts, actor, action, details, prev_hash, hash from audit_log order by id')
    .iterate() as IterableIterator<AuditEntry>
  let expectedPrev = genesisHash
  let entries = 0
  for (const row of rows) {
    entries += 1
    const hash = auditHash(row.prev_hash, row.ts, row.actor, row.action, row.details)
    if (row.prev_hash !== expectedPrev || row.hash !== hash) {
      return { ok: false, entries, headHash: expectedPrev, brokenAt: row.id }
    }
    expectedPrev = row.hash
  }
  return { ok: true, entries, headHash: expectedPrev, brokenAt: null }
}

/** The newest entry's hash (the genesis hash for an empty log), without verifying the chain. */
export function latestAuditHash(sqlite: BetterSqlite3.Database): string {
  const last = sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as { hash: string } | undefined
  return last?.hash ?? genesisHash
}

export interface AuditPageEntry {
  id: number
  ts: number
  actor: string
  action: string
  details: Record<string, unknown>
  hash: string
}

/** Newest first, keyset-paged on id. */
export function listAudit(sqlite: BetterSqlite3.Database, query: { limit: number; cursor?: number | null | undefined }): { items: AuditPageEntry[]; nextCursor: number | null } {
  const rows = sqlite
    .prepare(`select id, ts, actor, action, details, hash from audit_log ${query.cursor == null ? '' : 'where id < @cursor'} order by id desc limit @limit`)
    .all({ limit: query.limit + 1, ...(query.cursor == null ? {} : { cursor: query.cursor }) }) as (Omit<AuditPageEntry, 'details'> & { details: string })[]
  const items = rows.slice(0, query.limit).map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }))
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null }
}
