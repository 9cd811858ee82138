import { useCallback, useState } from 'react'
import type { ApiInput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import type { Alert } from '../../../shared/scoring-schemas'
import { asArgusError, call } from '../api/client'

/** A triage decision: a verdict, a status or both (`alerts:verdict` without the id). */
export type TriageChange = Omit<ApiInput<'alerts:verdict'>, 'id'>

export interface AlertTriage {
  /** The alert whose decision is on its way. */
  pendingId: number | undefined
  /** The last decision that failed, with the alert it was for. */
  failure: { id: number; error: ArgusError } | undefined
  triage: (id: number, change: TriageChange) => void
}

/**
 * Sends triage decisions (`alerts:verdict`); `onChanged` receives the alert as the engine now
 * has it, so the row and the explanation show the decision without a reload. Verdicts also feed
 * the scoring: the engine rescores soon after.
 */
export function useAlertTriage(onChanged: (alert: Alert) => void): AlertTriage {
  const [pendingId, setPendingId] = useState<number | undefined>(undefined)
  const [failure, setFailure] = useState<AlertTriage['failure']>(undefined)

  const triage = useCallback(
    (id: number, change: TriageChange) => {
      setPendingId(id)
      setFailure(undefined)
      call('alerts:verdict', { id, ...change }).then(
        (alert) => {
          setPendingId(undefined)
          onChanged(alert)
        },
        (error: unknown) => {
          setPendingId(undefined)
          setFailure({ id, error: asArgusError(error) })
        },
      )
    },
    [onChanged],
  )

  return { pendingId, failure, triage }
}
