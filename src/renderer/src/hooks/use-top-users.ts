import type { ApiOutput } from '../../../shared/contract'
import { useCall, type CallState } from './use-call'
import { useEvent } from './use-event'

export type TopUsersState = CallState<ApiOutput<'users:listRisky'>>

/** The head of the risk ranking (how many users are scored comes with `alerts:stats`); refreshed after each scoring run. */
export function useTopUsers(count = 10): TopUsersState {
  const state = useCall('users:listRisky', { limit: count })
  useEvent('scoring:finished', state.reload)
  return state
}
