import type { Insertable, Selectable } from 'kysely'

/** Workspace-level settings; `value` is JSON text. */
export interface SettingsTable {
  key: string
  value: string
  updated_at: number
}

export type Setting = Selectable<SettingsTable>
export type NewSetting = Insertable<SettingsTable>
