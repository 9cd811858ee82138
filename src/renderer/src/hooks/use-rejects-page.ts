import type { RejectRow } from '../../../shared/contract'
import { call } from '../api/client'
import { useKeysetPages, type KeysetPagesState } from './use-keyset-pages'

export type RejectsPageState = KeysetPagesState<RejectRow>

/** Keyset paging over `imports:rejects` for one import, one page at a time. */
export function useRejectsPage(sourceId: number, pageSize = 100): RejectsPageState {
  return useKeysetPages<RejectRow, number>(`${sourceId} ${pageSize}`, (cursor) =>
    call('imports:rejects', { sourceId, limit: pageSize, cursor }),
  )
}
