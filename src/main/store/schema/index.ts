import type { AuditLogTable } from './audit-log'
import type { EventsTable } from './events'
import type { RejectsTable } from './rejects'
import type { SettingsTable } from './settings'
import type { SourcesTable } from './sources'
import type { UserProfilesTable } from './user-profiles'

export interface Database {
  sources: SourcesTable
  events: EventsTable
  rejects: RejectsTable
  settings: SettingsTable
  audit_log: AuditLogTable
  user_profiles: UserProfilesTable
}
