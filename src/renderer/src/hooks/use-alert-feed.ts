import { useCallback, useEffect, useState } from 'react'
import type { Alert } from '../../../shared/scoring-schemas'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'
import type { AlertFilter } from './use-alert-route'
import { useEvent } from './use-event'

type AlertCursor = { risk: number; id: number }

/** The most rows the list keeps; past it, a filter is the way further. */
export const maxLoadedAlerts = 2000

export interface AlertFeedState {
  /** Alerts pushed while the page was open first, then the list riskiest first. */
  items: readonly Alert[]
  /** Ids of alerts that arrived live, for a brief highlight. */
  arrived: ReadonlySet<number>
  loading: boolean
  loadingMore: boolean
  error: ArgusError | undefined
  hasMore: boolean
  /** More exist, but the list holds its maximum. */
  capped: boolean
  /** When the engine rescored after this list was loaded: risks and the order may have moved. */
  rescoredAt: number | undefined
  loadMore: () => void
  reload: () => void
  /** Puts a changed alert (after triage) in place of its row. */
  replace: (alert: Alert) => void
}

interface Loaded {
  key: string
  items: readonly Alert[]
  arrived: ReadonlySet<number>
  nextCursor: AlertCursor | null
  loadingMore: boolean
  error: ArgusError | undefined
  rescoredAt: number | undefined
}

interface Fetched {
  items: Alert[]
  nextCursor: AlertCursor | null
}

/** Whether an alert belongs in the list `filter` describes; the engine's rules, applied to one pushed alert. */
export function alertMatches(alert: Alert, filter: AlertFilter): boolean {
  if (filter.severity ? alert.severity !== filter.severity : alert.severity === 'low') return false
  if (filter.status && alert.status !== filter.status) return false
  if (filter.user && alert.user !== filter.user) return false
  if (filter.type && !alert.types.includes(filter.type)) return false
  return (filter.from === undefined || alert.date >= filter.from) && (filter.to === undefined || alert.date <= filter.to)
}

function fetchAlerts(filter: AlertFilter, cursor: AlertCursor | null, pageSize: number): Promise<Fetched> {
  return call('alerts:list', { ...filter, limit: pageSize, cursor })
}

/**
 * The Alerts list: keyset pages of `alerts:list` for `filter`, loaded as the analyst scrolls,
 * with alerts pushed by `alerts:new` laid on top as they arrive.
 */
export function useAlertFeed(filter: AlertFilter, pageSize = 50): AlertFeedState {
  const filterJson = JSON.stringify(filter)
  const [attempt, setAttempt] = useState(0)
  const key = `${filterJson} ${pageSize} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined)

  useEffect(() => {
    let current = true
    fetchAlerts(JSON.parse(filterJson) as AlertFilter, null, pageSize).then(
      (page) => {
        if (current) setLoaded({ key, ...page, arrived: new Set(), loadingMore: false, error: undefined, rescoredAt: undefined })
      },
      (error: unknown) => {
        if (!current) return
        setLoaded({ key, items: [], arrived: new Set(), nextCursor: null, loadingMore: false, error: asArgusError(error), rescoredAt: undefined })
      },
    )
    return () => {
      current = false
    }
  }, [filterJson, pageSize, key])

  // Changes that land after a reload or a filter change belong to a list no longer shown.
  const settle = useCallback(
    (change: (previous: Loaded) => Loaded) => setLoaded((previous) => (previous?.key === key ? change(previous) : previous)),
    [key],
  )

  useEvent('alerts:new', (alert) => {
    if (!alertMatches(alert, JSON.parse(filterJson) as AlertFilter)) return
    settle((previous) => {
      if (previous.items.some((item) => item.id === alert.id)) return previous
      // Arrivals stay on top, riskiest first: one scoring run pushes its new alerts in a burst.
      const arrived = new Set(previous.arrived).add(alert.id)
      const fresh = [alert, ...previous.items.filter((item) => previous.arrived.has(item.id))]
      fresh.sort((a, b) => b.risk - a.risk || a.id - b.id)
      const listed = previous.items.filter((item) => !previous.arrived.has(item.id))
      return { ...previous, items: [...fresh, ...listed], arrived }
    })
  })
  useEvent('scoring:finished', () => settle((previous) => ({ ...previous, rescoredAt: Date.now() })))

  const state = loaded?.key === key ? loaded : undefined
  const cursor = state?.nextCursor ?? null
  const busy = state?.loadingMore ?? true
  const capped = cursor !== null && (state?.items.length ?? 0) >= maxLoadedAlerts

  const loadMore = useCallback(() => {
    if (cursor === null || busy || capped) return
    settle((previous) => ({ ...previous, loadingMore: true, error: undefined }))
    fetchAlerts(JSON.parse(filterJson) as AlertFilter, cursor, pageSize).then(
      (page) => {
        settle((previous) => {
          // An alert pushed live may come round again in its place in the ranking.
          const known = new Set(previous.items.map((item) => item.id))
          return {
            ...previous,
            items: [...previous.items, ...page.items.filter((item) => !known.has(item.id))],
            nextCursor: page.nextCursor,
            loadingMore: false,
          }
        })
      },
      (error: unknown) => settle((previous) => ({ ...previous, loadingMore: false, error: asArgusError(error) })),
    )
  }, [busy, capped, cursor, filterJson, pageSize, settle])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])
  const replace = useCallback(
    (alert: Alert) => settle((previous) => ({ ...previous, items: previous.items.map((item) => (item.id === alert.id ? alert : item)) })),
    [settle],
  )

  return {
    items: state?.items ?? [],
    arrived: state?.arrived ?? new Set(),
    loading: state === undefined,
    loadingMore: state?.loadingMore ?? false,
    error: state?.error,
    hasMore: cursor !== null && !capped,
    capped,
    rescoredAt: state?.rescoredAt,
    loadMore,
    reload,
    replace,
  }
}
