import { useCallback, useEffect, useState } from 'react'
import type { RejectRow } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'

export interface RejectsPageState {
  /** In line order: every page loaded so far. */
  items: readonly RejectRow[]
  /** The first page is on its way. */
  loading: boolean
  /** A further page is on its way. */
  loadingMore: boolean
  error: ArgusError | undefined
  /** The server holds more rejected lines than those loaded. */
  hasMore: boolean
  loadMore: () => void
  reload: () => void
}

interface Loaded {
  requestKey: string
  items: readonly RejectRow[]
  nextCursor: number | null
  loadingMore: boolean
  error: ArgusError | undefined
}

/** Keyset paging over `imports:rejects` for one import: the first page, then "Load more". */
export function useRejectsPage(sourceId: number, pageSize = 100): RejectsPageState {
  const [attempt, setAttempt] = useState(0)
  const requestKey = `${sourceId} ${pageSize} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined)

  useEffect(() => {
    let current = true
    call('imports:rejects', { sourceId, limit: pageSize, cursor: null }).then(
      (page) => {
        if (current) setLoaded({ requestKey, items: page.items, nextCursor: page.nextCursor, loadingMore: false, error: undefined })
      },
      (error: unknown) => {
        if (current) setLoaded({ requestKey, items: [], nextCursor: null, loadingMore: false, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [sourceId, pageSize, requestKey])

  const state = loaded?.requestKey === requestKey ? loaded : undefined
  const cursor = state?.nextCursor ?? null
  const busy = state?.loadingMore ?? true

  const loadMore = useCallback(() => {
    if (cursor === null || busy) return
    // A page that lands after the panel moved to another import belongs to a list no longer shown.
    function settle(change: (previous: Loaded) => Loaded): void {
      setLoaded((previous) => (previous?.requestKey === requestKey ? change(previous) : previous))
    }
    settle((previous) => ({ ...previous, loadingMore: true, error: undefined }))
    call('imports:rejects', { sourceId, limit: pageSize, cursor }).then(
      (page) => {
        settle((previous) => ({
          ...previous,
          items: [...previous.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
        }))
      },
      (error: unknown) => {
        settle((previous) => ({ ...previous, loadingMore: false, error: asArgusError(error) }))
      },
    )
  }, [busy, cursor, pageSize, requestKey, sourceId])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])

  return {
    items: state?.items ?? [],
    loading: state === undefined,
    loadingMore: state?.loadingMore ?? false,
    error: state?.error,
    hasMore: cursor !== null,
    loadMore,
    reload,
  }
}
