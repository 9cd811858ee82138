import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add the next one instead.

const strict = sql`strict`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('entry', 'text')
    .addColumn('format', 'text')
    .addColumn('sha256', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('running', 'done', 'failed', 'cancelled')`),
    )
    .addColumn('events', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('rejects', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'integer', (column) => column.notNull())
    .addColumn('finished_at', 'integer')
    .modifyEnd(strict)
    .execute()

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('ts', 'integer', (column) => column.notNull())
    .addColumn('user', 'text')
    .addColumn('host', 'text')
    .addColumn('src_ip', 'text')
    .addColumn('dst_ip', 'text')
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) =>
      column.notNull().check(sql`outcome in ('success', 'failure', 'unknown')`),
    )
    .addColumn('object', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('amount', 'real')
    .addColumn('source_id', 'integer', (column) =>
      column.notNull().references('sources.id').onDelete('cascade'),
    )
    .addColumn('line_no', 'integer', (column) => column.notNull())
    .addColumn('attrs', 'text', (column) => column.notNull().defaultTo('{}'))
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('events_user_ts').on('events').columns(['user', 'ts']).execute()
  await db.schema.createIndex('events_ts').on('events').column('ts').execute()
  await db.schema.createIndex('events_host_ts').on('events').columns(['host', 'ts']).execute()
  await db.schema.createIndex('events_source').on('events').column('source_id').execute()

  await db.schema
    .createTable('rejects')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('source_id', 'integer', (column) =>
      column.notNull().references('sources.id').onDelete('cascade'),
    )
    .addColumn('line_no', 'integer', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('excerpt', 'text', (column) => column.notNull())
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('rejects_source_line').on('rejects').columns(['source_id', 'line_no']).execute()

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .modifyEnd(strict)
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('ts', 'integer', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('details', 'text', (column) => column.notNull())
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .modifyEnd(strict)
    .execute()
  // The chain detects tampering; these triggers stop the accidental kind from inside the app.
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
}
