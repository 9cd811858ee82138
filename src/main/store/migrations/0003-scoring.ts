import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add the next one instead.

const strict = sql`strict`

export async function up(db: Kysely<any>): Promise<void> {
  // One row per scored user-day; replaced wholesale by each scoring run (model_version says which).
  await db.schema
    .createTable('user_days')
    .addColumn('user', 'text', (column) => column.notNull())
    .addColumn('date', 'text', (column) => column.notNull())
    .addColumn('peer_group', 'text', (column) => column.notNull())
    .addColumn('events', 'integer', (column) => column.notNull())
    .addColumn('risk', 'real', (column) => column.notNull())
    .addColumn('severity', 'text', (column) => column.notNull().check(sql`severity in ('high', 'medium', 'low')`))
    .addColumn('baseline', 'real', (column) => column.notNull())
    .addColumn('markov', 'real', (column) => column.notNull())
    .addColumn('iforest', 'real', (column) => column.notNull())
    .addColumn('rules', 'real', (column) => column.notNull())
    .addColumn('ocean', 'real', (column) => column.notNull())
    .addColumn('types', 'text', (column) => column.notNull())
    .addColumn('facts', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('features', 'text', (column) => column.notNull())
    .addColumn('model_version', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('user_days_key', ['user', 'date'])
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('user_days_risk').on('user_days').columns(['risk desc', 'user']).execute()
  await db.schema.createIndex('user_days_date').on('user_days').column('date').execute()

  // The ranking: one row per user, its risk from its days (recent days weigh more).
  await db.schema
    .createTable('user_risk')
    .addColumn('user', 'text', (column) => column.primaryKey())
    .addColumn('risk', 'real', (column) => column.notNull())
    .addColumn('severity', 'text', (column) => column.notNull().check(sql`severity in ('high', 'medium', 'low')`))
    .addColumn('types', 'text', (column) => column.notNull())
    .addColumn('peer_group', 'text', (column) => column.notNull())
    .addColumn('days', 'integer', (column) => column.notNull())
    .addColumn('events', 'integer', (column) => column.notNull())
    .addColumn('first_seen', 'text', (column) => column.notNull())
    .addColumn('last_seen', 'text', (column) => column.notNull())
    .addColumn('top_date', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    // OCEAN radar (baseline vs recent period, 0–1 against the population) as JSON; null while history is short.
    .addColumn('ocean', 'text')
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('user_risk_rank').on('user_risk').columns(['risk desc', 'user']).execute()

  // Alerts outlive re-scoring: triage (status, verdict, case) stays with the user-day.
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('user', 'text', (column) => column.notNull())
    .addColumn('date', 'text', (column) => column.notNull())
    .addColumn('risk', 'real', (column) => column.notNull())
    .addColumn('severity', 'text', (column) => column.notNull().check(sql`severity in ('high', 'medium', 'low')`))
    .addColumn('types', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column.notNull().defaultTo('open').check(sql`status in ('open', 'acknowledged', 'closed')`),
    )
    .addColumn('verdict', 'text', (column) => column.check(sql`verdict in ('true_positive', 'false_positive')`))
    .addColumn('created_at', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .addUniqueConstraint('alerts_user_date', ['user', 'date'])
    .modifyEnd(strict)
    .execute()
  await db.schema.createIndex('alerts_rank').on('alerts').columns(['risk desc', 'id']).execute()

  await db.schema
    .createTable('scoring_runs')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('model_version', 'text', (column) => column.notNull())
    .addColumn('started_at', 'integer', (column) => column.notNull())
    .addColumn('finished_at', 'integer', (column) => column.notNull())
    .addColumn('user_days', 'integer', (column) => column.notNull())
    .addColumn('events', 'integer', (column) => column.notNull())
    .addColumn('settings', 'text', (column) => column.notNull())
    .modifyEnd(strict)
    .execute()
}
