import type { AlertStats } from '../../../shared/stats-schemas'
import type { DaySpan } from '../zoned-day'
import { useCall, type CallState } from './use-call'
import { useEvent } from './use-event'

export type AlertStatsState = CallState<AlertStats>

export interface DashboardAlertStats {
  /** Every day: the KPI strip and the risk timeline. */
  all: AlertStatsState
  /** The days the panels below the timeline are narrowed to; the same as `all` while none are chosen. */
  shown: AlertStatsState
}

/**
 * The engine's alert counts (by severity, status, type and day) and user counts, over all days
 * and over the chosen span; refreshed after each scoring run (a verdict starts one too).
 */
export function useDashboardAlertStats(span: DaySpan | null): DashboardAlertStats {
  const all = useCall('alerts:stats', {})
  // No second call while no span is chosen: the panels show the same figures as the strip.
  const narrowed = useCall('alerts:stats', span)
  const { reload: reloadAll } = all
  const { reload: reloadNarrowed } = narrowed
  const reload = (): void => {
    reloadAll()
    reloadNarrowed()
  }
  useEvent('scoring:finished', reload)
  return { all, shown: span ? narrowed : all }
}
