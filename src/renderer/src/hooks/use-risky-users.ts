import { useCallback, useState } from 'react'
import type { ApiInput } from '../../../shared/contract'
import type { RankCursor, UserRisk } from '../../../shared/scoring-schemas'
import { call } from '../api/client'
import { useEvent } from './use-event'
import { useKeysetPages, type KeysetPagesState } from './use-keyset-pages'

/** Which users to rank; the paging fields belong to the hook. */
export type RiskyUsersFilter = Omit<ApiInput<'users:listRisky'>, 'limit' | 'cursor'>

/** One page of the ranking, riskiest first as the server orders them. */
export interface RiskyUsersState extends KeysetPagesState<UserRisk> {
  /** Peer groups met in any page loaded while the screen is open, sorted; the server lists none. */
  peerGroups: readonly string[]
}

/**
 * Keyset paging over `users:listRisky`, one page at a time: the first page when the filter
 * changes, the next on `next` (the table asks when its end is scrolled to). A finished scoring run starts over, so the
 * ranking fills in after an import without a reload.
 */
export function useRiskyUsers(filter: RiskyUsersFilter, pageSize = 100): RiskyUsersState {
  const [peerGroups, setPeerGroups] = useState<readonly string[]>([])
  const remember = useCallback((items: readonly UserRisk[]) => {
    setPeerGroups((previous) => {
      const known = new Set(previous)
      const fresh = items.map((item) => item.peerGroup).filter((group) => !known.has(group))
      return fresh.length === 0 ? previous : [...new Set([...previous, ...fresh])].sort()
    })
  }, [])
  const pages = useKeysetPages<UserRisk, RankCursor>(
    `${JSON.stringify(filter)} ${pageSize}`,
    (cursor) => call('users:listRisky', { ...filter, limit: pageSize, cursor }),
    { onPage: remember },
  )
  useEvent('scoring:finished', pages.reload)
  return { ...pages, peerGroups }
}
