import { useCallback, useEffect, useState } from 'react'
import type { ApiOutput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import type { Alert } from '../../../shared/scoring-schemas'
import { asArgusError, call } from '../api/client'
import { useEvent } from './use-event'

/** Alerts of one day (the workspace's day the alert is for). */
export interface AlertDay {
  date: string
  high: number
  medium: number
  /** Anomaly type → alerts of that day carrying it (an alert counts once for each of its types). */
  types: Readonly<Record<string, number>>
}

export interface DashboardAlertStats {
  /** Days that have alerts, oldest first. */
  days: readonly AlertDay[]
  total: number
  high: number
  medium: number
  open: number
  acknowledged: number
  closed: number
  /** More alerts exist than were read: every figure counts only the riskiest `read`. */
  capped: boolean
  read: number
}

export interface DashboardAlertStatsState {
  stats: DashboardAlertStats | undefined
  error: ArgusError | undefined
  /** A first read or a refresh is running (the last figures stay shown meanwhile). */
  loading: boolean
  reload: () => void
}

const pageSize = 1000
/**
 * No contract call aggregates alerts, so the dashboard reads `alerts:list` page by page and keeps
 * only the counts; past this many alerts it stops and says the figures are partial.
 */
export const maxAlertsRead = 20_000

interface Tally {
  days: Map<string, { high: number; medium: number; types: Map<string, number> }>
  stats: Omit<DashboardAlertStats, 'days' | 'capped' | 'read'>
}

function count(tally: Tally, alert: Alert): void {
  const { stats } = tally
  stats.total += 1
  if (alert.severity === 'high') stats.high += 1
  if (alert.severity === 'medium') stats.medium += 1
  stats[alert.status] += 1
  const day = tally.days.get(alert.date) ?? { high: 0, medium: 0, types: new Map<string, number>() }
  if (alert.severity === 'high') day.high += 1
  if (alert.severity === 'medium') day.medium += 1
  for (const type of alert.types) day.types.set(type, (day.types.get(type) ?? 0) + 1)
  tally.days.set(alert.date, day)
}

async function readAlertStats(isCurrent: () => boolean): Promise<DashboardAlertStats | undefined> {
  const tally: Tally = { days: new Map(), stats: { total: 0, high: 0, medium: 0, open: 0, acknowledged: 0, closed: 0 } }
  let cursor: { risk: number; id: number } | null = null
  let read = 0
  do {
    const page: ApiOutput<'alerts:list'> = await call('alerts:list', { limit: pageSize, cursor })
    // A refresh or an unmount since: stop reading pages nobody will see.
    if (!isCurrent()) return undefined
    for (const alert of page.items) count(tally, alert)
    read += page.items.length
    cursor = page.nextCursor
  } while (cursor !== null && read < maxAlertsRead)
  const days = [...tally.days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, day]) => ({ date, high: day.high, medium: day.medium, types: Object.fromEntries(day.types) }))
  return { ...tally.stats, days, capped: cursor !== null, read }
}

interface Settled {
  attempt: number
  stats: DashboardAlertStats | undefined
  error: ArgusError | undefined
}

/** Counts of the workspace's alerts (High and Medium) by day, severity, status and type; refreshed after each scoring run. */
export function useDashboardAlertStats(): DashboardAlertStatsState {
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<Settled | undefined>(undefined)

  useEffect(() => {
    let current = true
    readAlertStats(() => current).then(
      (stats) => {
        if (current && stats) setSettled({ attempt, stats, error: undefined })
      },
      (error: unknown) => {
        if (current) setSettled((previous) => ({ attempt, stats: previous?.stats, error: asArgusError(error) }))
      },
    )
    return () => {
      current = false
    }
  }, [attempt])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])
  useEvent('scoring:finished', reload)

  return {
    stats: settled?.stats,
    error: settled?.attempt === attempt ? settled.error : undefined,
    loading: settled?.attempt !== attempt,
    reload,
  }
}
