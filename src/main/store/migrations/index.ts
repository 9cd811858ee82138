import type { Migration } from 'kysely'
import * as initial from './0001-initial'

/**
 * Every migration, in order, listed by hand: a folder scan finds nothing once bundled.
 * Names sort lexically, which is the order Kysely applies them in.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
}
