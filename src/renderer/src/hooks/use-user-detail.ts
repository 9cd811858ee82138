import type { ApiOutput } from '../../../shared/contract'
import { useCall, type CallState } from './use-call'
import { useEvent } from './use-event'

/** One user's scored days, OCEAN vectors and imported profile; fetched again after every scoring run. */
export function useUserDetail(user: string): CallState<ApiOutput<'users:detail'>> {
  const state = useCall('users:detail', { user })
  useEvent('scoring:finished', state.reload)
  return state
}
