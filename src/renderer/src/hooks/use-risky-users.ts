import { useCallback, useEffect, useState } from 'react'
import type { ApiInput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import type { RankCursor, UserRisk } from '../../../shared/scoring-schemas'
import { asArgusError, call } from '../api/client'
import { useEvent } from './use-event'

/** Which users to rank; the paging fields belong to the hook. */
export type RiskyUsersFilter = Omit<ApiInput<'users:listRisky'>, 'limit' | 'cursor'>

export interface RiskyUsersState {
  /** Riskiest first, as the server orders them: every page loaded so far. */
  items: readonly UserRisk[]
  loading: boolean
  loadingMore: boolean
  error: ArgusError | undefined
  hasMore: boolean
  /** Peer groups met in any page loaded while the screen is open, sorted; the server lists none. */
  peerGroups: readonly string[]
  loadMore: () => void
  reload: () => void
}

interface Loaded {
  requestKey: string
  items: readonly UserRisk[]
  nextCursor: RankCursor | null
  loadingMore: boolean
  error: ArgusError | undefined
}

/**
 * Keyset paging over `users:listRisky`: the first page when the filter changes, the next one on
 * `loadMore` (the table asks as it nears the end). A finished scoring run starts over, so the
 * ranking fills in after an import without a reload.
 */
export function useRiskyUsers(filter: RiskyUsersFilter, pageSize = 100): RiskyUsersState {
  const filterJson = JSON.stringify(filter)
  const [attempt, setAttempt] = useState(0)
  const requestKey = `${filterJson} ${pageSize} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined)
  const [peerGroups, setPeerGroups] = useState<readonly string[]>([])

  const remember = useCallback((items: readonly UserRisk[]) => {
    setPeerGroups((previous) => {
      const known = new Set(previous)
      const fresh = items.map((item) => item.peerGroup).filter((group) => !known.has(group))
      return fresh.length === 0 ? previous : [...new Set([...previous, ...fresh])].sort()
    })
  }, [])

  useEffect(() => {
    let current = true
    const request = { ...(JSON.parse(filterJson) as RiskyUsersFilter), limit: pageSize, cursor: null }
    call('users:listRisky', request).then(
      (page) => {
        if (!current) return
        remember(page.items)
        setLoaded({ requestKey, items: page.items, nextCursor: page.nextCursor, loadingMore: false, error: undefined })
      },
      (error: unknown) => {
        if (current) setLoaded({ requestKey, items: [], nextCursor: null, loadingMore: false, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [filterJson, pageSize, remember, requestKey])

  const state = loaded?.requestKey === requestKey ? loaded : undefined
  const cursor = state?.nextCursor ?? null
  const busy = state?.loadingMore ?? true

  const loadMore = useCallback(() => {
    if (cursor === null || busy) return
    // A page that lands after a reload or a filter change belongs to a list no longer shown.
    function settle(update: (previous: Loaded) => Loaded): void {
      setLoaded((previous) => (previous?.requestKey === requestKey ? update(previous) : previous))
    }
    settle((previous) => ({ ...previous, loadingMore: true, error: undefined }))
    const request = { ...(JSON.parse(filterJson) as RiskyUsersFilter), limit: pageSize, cursor }
    call('users:listRisky', request).then(
      (page) => {
        remember(page.items)
        settle((previous) => ({ ...previous, items: [...previous.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }))
      },
      (error: unknown) => settle((previous) => ({ ...previous, loadingMore: false, error: asArgusError(error) })),
    )
  }, [busy, cursor, filterJson, pageSize, remember, requestKey])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])
  useEvent('scoring:finished', reload)

  return {
    items: state?.items ?? [],
    loading: state === undefined,
    loadingMore: state?.loadingMore ?? false,
    error: state?.error,
    hasMore: cursor !== null,
    peerGroups,
    loadMore,
    reload,
  }
}
