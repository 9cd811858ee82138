import { useCallback, useEffect, useState } from 'react'
import type { ApiInput, EventCursor, EventRow } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'

/** Which events to page through; the paging fields belong to the hook. */
export type EventsFilter = Omit<ApiInput<'events:list'>, 'limit' | 'cursor'>

/**
 * A workspace can hold millions of events; the renderer keeps only the pages the investigator
 * asked for, and stops offering more past this many rows (a filter is the way further).
 */
export const maxLoadedEvents = 5000

export interface EventsPageState {
  /** Newest first: every page loaded so far, in order. */
  items: readonly EventRow[]
  /** The first page is on its way. */
  loading: boolean
  /** A further page is on its way. */
  loadingMore: boolean
  error: ArgusError | undefined
  /** The server has older events than those loaded. */
  hasMore: boolean
  /** More exist, but the renderer holds its maximum. */
  capped: boolean
  loadMore: () => void
  /** Starts over from the newest page. */
  reload: () => void
}

interface Loaded {
  requestKey: string
  items: readonly EventRow[]
  nextCursor: EventCursor | null
  loadingMore: boolean
  error: ArgusError | undefined
}

/** Keyset paging over `events:list`: the first page on mount, then "Load more" appends the next. */
export function useEventsPage(filter: EventsFilter = {}, pageSize = 100): EventsPageState {
  const filterJson = JSON.stringify(filter)
  const [attempt, setAttempt] = useState(0)
  const requestKey = `${filterJson} ${pageSize} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined)

  useEffect(() => {
    let current = true
    const request = { ...(JSON.parse(filterJson) as EventsFilter), limit: pageSize, cursor: null }
    call('events:list', request).then(
      (page) => {
        if (!current) return
        setLoaded({ requestKey, items: page.items, nextCursor: page.nextCursor, loadingMore: false, error: undefined })
      },
      (error: unknown) => {
        if (!current) return
        setLoaded({ requestKey, items: [], nextCursor: null, loadingMore: false, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [filterJson, pageSize, requestKey])

  const state = loaded?.requestKey === requestKey ? loaded : undefined
  const cursor = state?.nextCursor ?? null
  const busy = state?.loadingMore ?? true
  const capped = cursor !== null && (state?.items.length ?? 0) >= maxLoadedEvents

  const loadMore = useCallback(() => {
    if (cursor === null || busy || capped) return
    // A page that lands after a reload or filter change belongs to a list no longer shown.
    function settle(update: (previous: Loaded) => Loaded): void {
      setLoaded((previous) => (previous?.requestKey === requestKey ? update(previous) : previous))
    }
    settle((previous) => ({ ...previous, loadingMore: true, error: undefined }))
    const request = { ...(JSON.parse(filterJson) as EventsFilter), limit: pageSize, cursor }
    call('events:list', request).then(
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
  }, [busy, capped, cursor, filterJson, pageSize, requestKey])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])

  return {
    items: state?.items ?? [],
    loading: state === undefined,
    loadingMore: state?.loadingMore ?? false,
    error: state?.error,
    hasMore: cursor !== null && !capped,
    capped,
    loadMore,
    reload,
  }
}
