import { useMemo } from 'react'
import { useCall } from './use-call'

export interface AnomalyTypesState {
  /** Every anomaly type the scoring knows, sorted; empty while loading or when the call failed. */
  types: readonly string[]
  loading: boolean
}

/**
 * The anomaly types to filter the ranking by. The playbook has one entry per type the detectors
 * can report, so its keys are the full list, not just the types on the rows loaded so far.
 */
export function useUserAnomalyTypes(): AnomalyTypesState {
  const playbook = useCall('scoring:playbook', {})
  const entries = playbook.data?.entries
  const types = useMemo(() => (entries ? Object.keys(entries).sort() : []), [entries])
  return { types, loading: playbook.loading }
}
