import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError } from '../api/client'
import {
  failPage,
  firstRowNumber,
  firstWindow,
  landPage,
  nextTrail,
  previousTrail,
  requestPage,
  trailCursor,
  type KeysetWindow,
  type PageStart,
} from './keyset-window'

/** One page of a keyset-paged list, as every paged call answers. */
export interface KeysetPage<Item, Cursor> {
  items: readonly Item[]
  nextCursor: Cursor | null
}

/** What a table pages with: the pager's figures and buttons. */
export interface PagerState {
  /** Rows on the page shown. */
  count: number
  /** The number of the page's first row, counting from 1. */
  firstRow: number
  /** Which page is shown, 0 for the first. */
  pageIndex: number
  hasNext: boolean
  hasPrevious: boolean
  /** A page other than the first is on its way (the page shown stays meanwhile). */
  turning: boolean
  next: () => void
  previous: () => void
}

export interface KeysetPagesState<Item> extends PagerState {
  /** The page shown, in the server's order: never more than one page of rows. */
  items: readonly Item[]
  /** The first page is on its way. */
  loading: boolean
  error: ArgusError | undefined
  /** Starts over from the first page. */
  reload: () => void
}

export interface KeysetOptions<Item> {
  /** Sees every page as it lands (e.g. to collect facets the server does not list). */
  onPage?: (items: readonly Item[]) => void
}

interface Loaded<Item, Cursor> extends KeysetWindow<Item, Cursor> {
  requestKey: string
}

/** The pager's figures for `window` (undefined while the first page is on its way). */
export function pagerFigures(window: KeysetWindow<unknown, unknown> | undefined): Omit<PagerState, 'next' | 'previous'> {
  return {
    count: window?.items.length ?? 0,
    firstRow: window ? firstRowNumber(window) : 1,
    pageIndex: window ? window.trail.length - 1 : 0,
    hasNext: (window?.nextCursor ?? null) !== null,
    hasPrevious: (window?.trail.length ?? 1) > 1,
    turning: window?.pending !== undefined,
  }
}

/**
 * Turns to the last page of `trail`: asks for it, and puts it in place of the page shown when it
 * lands. `settle` applies a change only while the same list is shown, so a page landing for a
 * list no longer shown is dropped. Shared with lists that keep more than the window (the alert feed).
 */
export function turnPage<Item, Cursor, Window extends KeysetWindow<Item, Cursor>>(
  trail: readonly PageStart<Cursor>[],
  fetchPage: (cursor: Cursor | null) => Promise<KeysetPage<Item, Cursor>>,
  settle: (change: (previous: Window) => Window) => void,
  onPage?: (items: readonly Item[]) => void,
): void {
  settle((previous) => ({ ...previous, ...requestPage(previous, trail) }))
  fetchPage(trailCursor(trail)).then(
    (page) => {
      onPage?.(page.items)
      settle((previous) => ({ ...previous, ...landPage(previous, page) }))
    },
    (error: unknown) => settle((previous) => ({ ...previous, ...failPage(previous, asArgusError(error)) })),
  )
}

/**
 * Keyset paging shared by every lazily loaded list, one page at a time: the first page whenever
 * `listKey` changes, the page after on `next` (replacing the rows shown) and the page before on
 * `previous`. `fetchPage` may be a fresh closure each render; `listKey` says when the list it
 * reads is a different one. A page landing for a list no longer shown is dropped.
 */
export function useKeysetPages<Item, Cursor>(
  listKey: string,
  fetchPage: (cursor: Cursor | null) => Promise<KeysetPage<Item, Cursor>>,
  options: KeysetOptions<Item> = {},
): KeysetPagesState<Item> {
  const [attempt, setAttempt] = useState(0)
  const requestKey = `${listKey} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded<Item, Cursor> | undefined>(undefined)
  // The latest callbacks, for the effect and for turning pages, without making them dependencies.
  const latest = useRef({ fetchPage, onPage: options.onPage })
  useEffect(() => {
    latest.current = { fetchPage, onPage: options.onPage }
  })

  const settle = useCallback(
    (change: (previous: Loaded<Item, Cursor>) => Loaded<Item, Cursor>) =>
      setLoaded((previous) => (previous?.requestKey === requestKey ? change(previous) : previous)),
    [requestKey],
  )

  useEffect(() => {
    let current = true
    const start = firstWindow<Item, Cursor>()
    latest.current.fetchPage(null).then(
      (page) => {
        if (!current) return
        latest.current.onPage?.(page.items)
        setLoaded({ ...landPage(start, page), requestKey })
      },
      (error: unknown) => {
        if (current) setLoaded({ ...failPage(start, asArgusError(error)), requestKey })
      },
    )
    return () => {
      current = false
    }
  }, [requestKey])

  const state = loaded?.requestKey === requestKey ? loaded : undefined
  const following = state ? nextTrail(state) : undefined
  const preceding = state ? previousTrail(state) : undefined

  const turnTo = useCallback(
    (trail: readonly PageStart<Cursor>[] | undefined) => {
      if (trail) turnPage(trail, (cursor) => latest.current.fetchPage(cursor), settle, latest.current.onPage)
    },
    [settle],
  )
  const next = useCallback(() => turnTo(following), [following, turnTo])
  const previous = useCallback(() => turnTo(preceding), [preceding, turnTo])
  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])

  return {
    ...pagerFigures(state),
    next,
    previous,
    items: state?.items ?? [],
    loading: state === undefined,
    error: state?.error,
    reload,
  }
}
