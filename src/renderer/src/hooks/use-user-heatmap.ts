import type { ApiOutput } from '../../../shared/contract'
import type { DaySpan } from '../zoned-day'
import { useCall, type CallState } from './use-call'
import { useEvent } from './use-event'

export type UserHeatmapState = CallState<ApiOutput<'stats:weekHours'>>

/**
 * The user's events by weekday and hour (the engine counts them in the workspace's zone): in
 * `span`, or their last week when none is chosen, beside everything before it.
 */
export function useUserHeatmap(user: string, span: DaySpan | null): UserHeatmapState {
  const state = useCall('stats:weekHours', span ? { user, ...span } : { user })
  useEvent('ingest:finished', state.reload)
  return state
}
