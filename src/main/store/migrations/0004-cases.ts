import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add the next one instead.

const strict = sql`strict`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('author', 'text', (column) => column.notNull())
    .addColumn('created_at', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .addColumn('closed_at', 'integer')
    .modifyEnd(strict)
    .execute()
  // The case list pages by id, newest first, optionally for one status.
  await db.schema.createIndex('cases_status').on('cases').columns(['status', 'id']).execute()

  // Evidence points at alerts and events without cascading: evidence must not vanish with its
  // source; `user`, `from_ts` and `to_ts` are copied in so a case reads without joins.
  await db.schema
    .createTable('case_evidence')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('user', 'alert', 'event', 'range')`))
    .addColumn('user', 'text')
    .addColumn('alert_id', 'integer', (column) => column.references('alerts.id'))
    .addColumn('event_id', 'integer', (column) => column.references('events.id'))
    .addColumn('from_ts', 'integer')
    .addColumn('to_ts', 'integer')
    .addColumn('label', 'text')
    .addColumn('author', 'text', (column) => column.notNull())
    .addColumn('added_at', 'integer', (column) => column.notNull())
    .addCheckConstraint('case_evidence_shape', sql`
      (kind = 'user' and user is not null and alert_id is null and event_id is null) or
      (kind = 'alert' and alert_id is not null and event_id is null) or
      (kind = 'event' and event_id is not null and alert_id is null) or
      (kind = 'range' and from_ts is not null and to_ts is not null and from_ts <= to_ts and alert_id is null and event_id is null)`)
    .modifyEnd(strict)
    .execute()
  // Attaching the same thing twice finds the first row (NULLs would never collide in a plain unique index).
  await sql`create unique index case_evidence_identity on case_evidence
    (case_id, kind, ifnull(user, ''), ifnull(alert_id, 0), ifnull(event_id, 0), ifnull(from_ts, -1), ifnull(to_ts, -1))`.execute(db)
  await db.schema.createIndex('case_evidence_event').on('case_evidence').columns(['event_id']).execute()
  await db.schema.createIndex('case_evidence_alert').on('case_evidence').columns(['alert_id']).execute()
  // The timeline highlight asks for a user's pinned events.
  await db.schema.createIndex('case_evidence_user').on('case_evidence').columns(['user', 'kind']).execute()

  await db.schema
    .createTable('notes')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('author', 'text', (column) => column.notNull())
    .addColumn('created_at', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('notes_case').on('notes').columns(['case_id', 'id']).execute()

  // Every version of every note, the current one included: editing never loses words.
  await db.schema
    .createTable('note_revisions')
    .addColumn('note_id', 'integer', (column) => column.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('author', 'text', (column) => column.notNull())
    .addColumn('edited_at', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('note_revisions_key', ['note_id', 'revision'])
    .modifyEnd(strict)
    .execute()

  // `key` is an event or alert id in decimal, or a user name: one table for every target.
  await db.schema
    .createTable('tags')
    .addColumn('target', 'text', (column) => column.notNull().check(sql`target in ('event', 'alert', 'user')`))
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('tag', 'text', (column) => column.notNull())
    .addColumn('author', 'text', (column) => column.notNull())
    .addColumn('added_at', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('tags_key', ['target', 'key', 'tag'])
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('tags_tag').on('tags').columns(['tag', 'target']).execute()
}
