import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { importStatuses } from '../../../shared/contract'

/** One imported file (or archive entry): the provenance every event points back to. */
export interface SourcesTable {
  id: Generated<number>
  path: string
  /** Path of the entry inside an archive; null for a plain file. */
  entry: string | null
  format: string | null
  sha256: string | null
  size_bytes: number | null
  status: (typeof importStatuses)[number]
  events: Generated<number>
  rejects: Generated<number>
  error: string | null
  started_at: number
  finished_at: number | null
}

export type Source = Selectable<SourcesTable>
export type NewSource = Insertable<SourcesTable>
export type SourceUpdate = Updateable<SourcesTable>
