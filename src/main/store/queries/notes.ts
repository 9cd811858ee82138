import type BetterSqlite3 from 'better-sqlite3'
import type { Note, NoteRevision } from '../../../shared/case-schemas'
import { ArgusError } from '../../../shared/errors'

// Case notes. Every version, the first included, is a row in note_revisions, so an edit adds a
// revision and never overwrites words; `notes` holds the current one for quick reading.

interface NoteRow {
  id: number
  case_id: number
  body: string
  author: string
  created_at: number
  updated_at: number
  revision: number
}

function toNote(row: NoteRow): Note {
  return { id: row.id, caseId: row.case_id, body: row.body, author: row.author, createdAt: row.created_at, updatedAt: row.updated_at, revision: row.revision }
}

export function getNote(sqlite: BetterSqlite3.Database, id: number): Note {
  const row = sqlite.prepare('select * from notes where id = ?').get(id) as NoteRow | undefined
  if (!row) throw new ArgusError('not_found', `no note #${id}`)
  return toNote(row)
}

export function listNotes(sqlite: BetterSqlite3.Database, caseId: number): Note[] {
  return (sqlite.prepare('select * from notes where case_id = ? order by id').all(caseId) as NoteRow[]).map(toNote)
}

function addRevision(sqlite: BetterSqlite3.Database, noteId: number, revision: number, body: string, author: string, now: number): void {
  sqlite.prepare('insert into note_revisions (note_id, revision, body, author, edited_at) values (?, ?, ?, ?, ?)').run(noteId, revision, body, author, now)
}

export function addNote(sqlite: BetterSqlite3.Database, caseId: number, body: string, author: string, now: number): Note {
  const { lastInsertRowid } = sqlite
    .prepare('insert into notes (case_id, body, author, created_at, updated_at, revision) values (?, ?, ?, ?, ?, 1)')
    .run(caseId, body, author, now, now)
  const id = Number(lastInsertRowid)
  addRevision(sqlite, id, 1, body, author, now)
  return getNote(sqlite, id)
}

/** A new revision by `author`; the same text again changes nothing. The note keeps its first author. */
export function editNote(sqlite: BetterSqlite3.Database, id: number, body: string, author: string, now: number): { value: Note; changed: boolean } {
  const before = getNote(sqlite, id)
  if (before.body === body) return { value: before, changed: false }
  const revision = before.revision + 1
  addRevision(sqlite, id, revision, body, author, now)
  sqlite.prepare('update notes set body = ?, revision = ?, updated_at = ? where id = ?').run(body, revision, now, id)
  return { value: getNote(sqlite, id), changed: true }
}

/** Every version of a note, oldest first; the last is the current text. */
export function noteHistory(sqlite: BetterSqlite3.Database, id: number): NoteRevision[] {
  getNote(sqlite, id)
  return sqlite
    .prepare('select revision, body, author, edited_at as editedAt from note_revisions where note_id = ? order by revision')
    .all(id) as NoteRevision[]
}
