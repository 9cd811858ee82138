import { useCallback, useEffect, useState } from 'react'
import type { Alert } from '../../../shared/scoring-schemas'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'
import { failPage, firstWindow, landPage, nextTrail, previousTrail, withArrivals, type KeysetWindow, type PageStart } from './keyset-window'
import { pagerFigures, turnPage, type PagerState } from './use-keyset-pages'
import type { AlertFilter } from './use-alert-route'
import { useEvent } from './use-event'

type AlertCursor = { risk: number; id: number }

export interface AlertFeedState extends PagerState {
  /** One page: alerts pushed while it was shown first, then the page riskiest first. */
  items: readonly Alert[]
  /** Ids of alerts that arrived live, for a brief highlight. */
  arrived: ReadonlySet<number>
  loading: boolean
  error: ArgusError | undefined
  /** When the engine rescored after this list was loaded: risks and the order may have moved. */
  rescoredAt: number | undefined
  reload: () => void
  /** Puts a changed alert (after triage) in place of its row. */
  replace: (alert: Alert) => void
}

interface Loaded extends KeysetWindow<Alert, AlertCursor> {
  key: string
  arrived: ReadonlySet<number>
  rescoredAt: number | undefined
}

/** Whether an alert belongs in the list `filter` describes; the engine's rules, applied to one pushed alert. */
export function alertMatches(alert: Alert, filter: AlertFilter): boolean {
  if (filter.severity ? alert.severity !== filter.severity : alert.severity === 'low') return false
  if (filter.status && alert.status !== filter.status) return false
  if (filter.user && alert.user !== filter.user) return false
  if (filter.type && !alert.types.includes(filter.type)) return false
  return (filter.from === undefined || alert.date >= filter.from) && (filter.to === undefined || alert.date <= filter.to)
}

/** The server's keyset order is (risk desc, id): a row's own figures are the cursor past it. */
function cursorOf(alert: Alert): AlertCursor {
  return { risk: alert.risk, id: alert.id }
}

/**
 * The Alerts list, one keyset page of `alerts:list` for `filter` at a time, with alerts pushed by
 * `alerts:new` laid on top as they arrive. Arrivals push the page's last rows off its end so it
 * stays one page; those rows open the next page instead.
 */
export function useAlertFeed(filter: AlertFilter, pageSize = 50): AlertFeedState {
  const filterJson = JSON.stringify(filter)
  const [attempt, setAttempt] = useState(0)
  const key = `${filterJson} ${pageSize} ${attempt}`
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined)
  const fetchPage = useCallback(
    (cursor: AlertCursor | null) => call('alerts:list', { ...(JSON.parse(filterJson) as AlertFilter), limit: pageSize, cursor }),
    [filterJson, pageSize],
  )

  useEffect(() => {
    let current = true
    const start = { ...firstWindow<Alert, AlertCursor>(), key, arrived: new Set<number>(), rescoredAt: undefined }
    fetchPage(null).then(
      (page) => {
        if (current) setLoaded({ ...start, ...landPage(start, page) })
      },
      (error: unknown) => {
        if (current) setLoaded({ ...start, ...failPage(start, asArgusError(error)) })
      },
    )
    return () => {
      current = false
    }
  }, [fetchPage, key])

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
      return { ...previous, ...withArrivals(previous, fresh, listed, pageSize, cursorOf), arrived }
    })
  })
  useEvent('scoring:finished', () => settle((previous) => ({ ...previous, rescoredAt: Date.now() })))

  const state = loaded?.key === key ? loaded : undefined
  const following = state ? nextTrail(state) : undefined
  const preceding = state ? previousTrail(state) : undefined
  const turnTo = useCallback(
    (trail: readonly PageStart<AlertCursor>[] | undefined) => {
      if (trail) turnPage(trail, fetchPage, settle)
    },
    [fetchPage, settle],
  )
  const next = useCallback(() => turnTo(following), [following, turnTo])
  const previous = useCallback(() => turnTo(preceding), [preceding, turnTo])
  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])
  const replace = useCallback(
    (alert: Alert) => settle((previous) => ({ ...previous, items: previous.items.map((item) => (item.id === alert.id ? alert : item)) })),
    [settle],
  )

  return {
    ...pagerFigures(state),
    next,
    previous,
    items: state?.items ?? [],
    arrived: state?.arrived ?? new Set(),
    loading: state === undefined,
    error: state?.error,
    rescoredAt: state?.rescoredAt,
    reload,
    replace,
  }
}
