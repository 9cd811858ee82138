import type BetterSqlite3 from 'better-sqlite3'
import type { ApiRequest } from '../../../shared/contract'
import type { Case } from '../../../shared/case-schemas'
import { ArgusError } from '../../../shared/errors'

// Cases as plain SQL on the raw connection: every write here joins the caller's
// better-sqlite3 transaction together with its audit entry, which Kysely's async API cannot.

interface CaseRow {
  id: number
  title: string
  status: Case['status']
  author: string
  created_at: number
  updated_at: number
  closed_at: number | null
  /** JSON object of evidence counts per kind. */
  evidence: string
  notes: number
}

const caseSelect = `
  select c.*,
    (select json_object('user', sum(kind = 'user'), 'alert', sum(kind = 'alert'), 'event', sum(kind = 'event'), 'range', sum(kind = 'range'))
       from case_evidence where case_id = c.id) as evidence,
    (select count(*) from notes where case_id = c.id) as notes
  from cases c`

function toCase(row: CaseRow): Case {
  const evidence = JSON.parse(row.evidence) as Record<'user' | 'alert' | 'event' | 'range', number | null>
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    author: row.author,
    counts: { users: evidence.user ?? 0, alerts: evidence.alert ?? 0, events: evidence.event ?? 0, ranges: evidence.range ?? 0, notes: row.notes },
  }
}

/** Newest first, keyset-paged on id. */
export function listCases(sqlite: BetterSqlite3.Database, query: ApiRequest<'cases:list'>): { items: Case[]; nextCursor: number | null } {
  const where: string[] = []
  if (query.cursor !== undefined && query.cursor !== null) where.push('c.id < @cursor')
  if (query.status !== undefined) where.push('c.status = @status')
  const rows = sqlite
    .prepare(`${caseSelect} ${where.length ? `where ${where.join(' and ')}` : ''} order by c.id desc limit @limit`)
    .all({ cursor: query.cursor ?? null, status: query.status ?? null, limit: query.limit + 1 }) as CaseRow[]
  const items = rows.slice(0, query.limit).map(toCase)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null }
}

export function getCase(sqlite: BetterSqlite3.Database, id: number): Case {
  const row = sqlite.prepare(`${caseSelect} where c.id = ?`).get(id) as CaseRow | undefined
  if (!row) throw new ArgusError('not_found', `no case #${id}`)
  return toCase(row)
}

export function createCase(sqlite: BetterSqlite3.Database, title: string, author: string, now: number): Case {
  const { lastInsertRowid } = sqlite
    .prepare(`insert into cases (title, status, author, created_at, updated_at) values (?, 'open', ?, ?, ?)`)
    .run(title, author, now, now)
  return getCase(sqlite, Number(lastInsertRowid))
}

/** Returns the case and whether the title changed (the same title twice changes nothing). */
export function renameCase(sqlite: BetterSqlite3.Database, id: number, title: string, now: number): { value: Case; before: string; changed: boolean } {
  const before = getCase(sqlite, id)
  if (before.title === title) return { value: before, before: before.title, changed: false }
  sqlite.prepare('update cases set title = ?, updated_at = ? where id = ?').run(title, now, id)
  return { value: getCase(sqlite, id), before: before.title, changed: true }
}

/** Closing stamps closed_at; reopening clears it. Setting the current status changes nothing. */
export function setCaseStatus(sqlite: BetterSqlite3.Database, id: number, status: Case['status'], now: number): { value: Case; changed: boolean } {
  const before = getCase(sqlite, id)
  if (before.status === status) return { value: before, changed: false }
  sqlite.prepare('update cases set status = ?, closed_at = ?, updated_at = ? where id = ?').run(status, status === 'closed' ? now : null, now, id)
  return { value: getCase(sqlite, id), changed: true }
}

/** Marks a case as changed by something inside it (evidence, a note). */
export function touchCase(sqlite: BetterSqlite3.Database, id: number, now: number): void {
  sqlite.prepare('update cases set updated_at = ? where id = ?').run(now, id)
}
