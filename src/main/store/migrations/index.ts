import type { Migration } from 'kysely'
import * as initial from './0001-initial'
import * as profiles from './0002-profiles'
import * as scoring from './0003-scoring'
import * as cases from './0004-cases'
import * as eventQuarters from './0005-event-quarters'

/**
 * Every migration, in order, listed by hand: a folder scan finds nothing once bundled.
 * Names sort lexically, which is the order Kysely applies them in.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-profiles': profiles,
  '0003-scoring': scoring,
  '0004-cases': cases,
  '0005-event-quarters': eventQuarters,
}

/** The name a fully migrated workspace reports as its schema version. */
export const latestMigration: string = Object.keys(migrations).at(-1) ?? 'none'
