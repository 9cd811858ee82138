import type { Kysely } from 'kysely'
import type { ApiRequest, RejectRow } from '../../../shared/contract'
import type { Database } from '../schema'

/** One import's rejected lines in file order, keyset-paged on id. */
export async function listRejects(
  db: Kysely<Database>,
  query: ApiRequest<'imports:rejects'>,
): Promise<{ items: RejectRow[]; nextCursor: number | null }> {
  let select = db.selectFrom('rejects').selectAll().where('source_id', '=', query.sourceId)
  if (query.cursor != null) select = select.where('id', '>', query.cursor)
  const rows = await select.orderBy('id').limit(query.limit + 1).execute()
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id,
    sourceId: row.source_id,
    lineNo: row.line_no,
    reason: row.reason,
    excerpt: row.excerpt,
  }))
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null }
}
