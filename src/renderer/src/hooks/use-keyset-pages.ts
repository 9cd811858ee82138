import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError } from '../api/client'

/** One page of a keyset-paged list, as every paged call answers. */
export interface KeysetPage<Item, Cursor> {
  items: readonly Item[]
  nextCursor: Cursor | null
}

export interface KeysetPagesState<Item> {
  /** Every page loaded so far, in the server's order. */
  items: readonly Item[]
  /** The first page is on its way. */
  loading: boolean
  /** A further page is on its way. */
  loadingMore: boolean
  error: ArgusError | undefined
  /** The server holds more than is loaded (and the cap, if any, is not reached). */
  hasMore: boolean
  /** More exist, but the renderer holds its maximum. */
  capped: boolean
  loadMore: () => void
  /** Starts over from the first page. */
  reload: () => void
}

export interface KeysetOptions<Item> {
  /** Stop offering more past this many rows (a filter is the way further). */
  maxItems?: number
  /** Sees every page as it lands (e.g. to collect facets the server does not list). */
  onPage?: (items: readonly Item[]) => void
}

interface Loaded<Item, Cursor> {
  requestKey: string
  items: readonly Item[]
  nextCursor: Cursor | null
  loadingMore: boolean
  error: ArgusError | undefined
}

/**
 * Keyset paging shared by every lazily loaded list: the first page whenever `listKey` changes,
 * the next one on `loadMore`. `fetchPage` may be a fresh closure each render; `listKey` says when
 * the list it reads is a different one. A page landing for a list no longer shown is dropped.
 */
export function useKeysetPages<Item, Cursor>(
  listKey: string,
  fetchPage: (cursor: Cursor | null) => Promise<KeysetPage<Item, Cursor>>,
  options: KeysetOptions<Item> = {},
): KeysetPagesState<Item> {
  const [attempt, setAttempt] = useState(0)
  const requestKey = `${listKey} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded<Item, Cursor> | undefined>(undefined)
  // The latest callbacks, for the effect and for loadMore, without making them dependencies.
  const latest = useRef({ fetchPage, onPage: options.onPage })
  useEffect(() => {
    latest.current = { fetchPage, onPage: options.onPage }
  })

  useEffect(() => {
    let current = true
    latest.current.fetchPage(null).then(
      (page) => {
        if (!current) return
        latest.current.onPage?.(page.items)
        setLoaded({ requestKey, items: page.items, nextCursor: page.nextCursor, loadingMore: false, error: undefined })
      },
      (error: unknown) => {
        if (current) setLoaded({ requestKey, items: [], nextCursor: null, loadingMore: false, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [requestKey])

  const state = loaded?.requestKey === requestKey ? loaded : undefined
  const cursor = state?.nextCursor ?? null
  const busy = state?.loadingMore ?? true
  const capped = cursor !== null && options.maxItems !== undefined && (state?.items.length ?? 0) >= options.maxItems

  const loadMore = useCallback(() => {
    if (cursor === null || busy || capped) return
    function settle(update: (previous: Loaded<Item, Cursor>) => Loaded<Item, Cursor>): void {
      setLoaded((previous) => (previous?.requestKey === requestKey ? update(previous) : previous))
    }
    settle((previous) => ({ ...previous, loadingMore: true, error: undefined }))
    latest.current.fetchPage(cursor).then(
      (page) => {
        latest.current.onPage?.(page.items)
        settle((previous) => ({ ...previous, items: [...previous.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }))
      },
      (error: unknown) => settle((previous) => ({ ...previous, loadingMore: false, error: asArgusError(error) })),
    )
  }, [busy, capped, cursor, requestKey])

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
