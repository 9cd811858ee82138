import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add the next one instead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_profiles')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('user', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('psychometric', 'directory')`))
    .addColumn('fields', 'text', (column) => column.notNull())
    .addColumn('source_id', 'integer', (column) => column.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (column) => column.notNull())
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('user_profiles_user').on('user_profiles').columns(['user', 'kind']).execute()
  // Idempotent imports look up earlier imports by content hash.
  await db.schema.createIndex('sources_sha256').on('sources').column('sha256').execute()
}
