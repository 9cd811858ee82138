import type { Generated, Insertable, Selectable } from 'kysely'

/** Facts about a person from CERT psychometric.csv or LDAP snapshots; `fields` is JSON text. */
export interface UserProfilesTable {
  id: Generated<number>
  user: string
  kind: 'psychometric' | 'directory'
  fields: string
  source_id: number
  line_no: number
}

export type UserProfile = Selectable<UserProfilesTable>
export type NewUserProfile = Insertable<UserProfilesTable>
