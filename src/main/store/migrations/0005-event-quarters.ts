import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add the next one instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Events per source and quarter hour, kept by the import writer as it inserts: the dashboard's
  // events-per-day chart sums a few thousand of these rows instead of counting ten million events.
  // Quarter hours, not hours, so that zones offset by :30 or :45 still bucket into exact local days.
  await db.schema
    .createTable('event_quarters')
    .addColumn('source_id', 'integer', (column) => column.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('quarter', 'integer', (column) => column.notNull())
    .addColumn('events', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('event_quarters_key', ['source_id', 'quarter'])
    .modifyEnd(sql`without rowid, strict`)
    .execute()
  await sql`insert into event_quarters (source_id, quarter, events)
    select source_id, ts / 900000 - (ts < 0 and ts % 900000 != 0), count(*) from events group by 1, 2`.execute(db)
}
