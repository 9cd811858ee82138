import type { ApiOutput } from '../../../shared/contract'
import { useCall, type CallState } from './use-call'
import { useEvent } from './use-event'

/** The user's events per day (in the workspace's time zone) for the activity timeline. */
export function useUserActivity(user: string): CallState<ApiOutput<'stats:eventsPerDay'>> {
  const state = useCall('stats:eventsPerDay', { user })
  useEvent('ingest:finished', state.reload)
  return state
}
