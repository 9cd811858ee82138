import type { Kysely } from 'kysely'
import type { ApiRequest, ImportRecord } from '../../../shared/contract'
import type { Database } from '../schema'
import type { Source } from '../schema/sources'

/** Newest import first, keyset-paged on id. */
export async function listImports(
  db: Kysely<Database>,
  query: ApiRequest<'imports:list'>,
): Promise<{ items: ImportRecord[]; nextCursor: number | null }> {
  let select = db.selectFrom('sources').selectAll()
  if (query.cursor != null) select = select.where('id', '<', query.cursor)
  const rows = await select.orderBy('id', 'desc').limit(query.limit + 1).execute()
  const items = rows.slice(0, query.limit).map(toImportRecord)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null }
}

function toImportRecord(row: Source): ImportRecord {
  return {
    id: row.id,
    path: row.path,
    entry: row.entry,
    format: row.format,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    status: row.status,
    events: row.events,
    rejects: row.rejects,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}
