import { useCallback, useRef, useState } from 'react'
import type { ScoringSettings, ScoringSummary } from '../../../shared/scoring-schemas'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'
import { useCall } from './use-call'
import { useEvent } from './use-event'

/** The five detectors' weights, keyed by detector id. */
export type DetectorWeights = ScoringSettings['weights']

/** Where a rescoring the engine started after a change has got to. */
export type RescoreState =
  | { state: 'idle' }
  /** Saved; the engine starts rescoring after a short pause. */
  | { state: 'pending' }
  | { state: 'running'; stage: string; done: number; total: number }
  | { state: 'finished'; summary: ScoringSummary }

export interface ScoringSettingsControl {
  settings: ScoringSettings | undefined
  loadError: ArgusError | undefined
  reload: () => void
  busy: boolean
  rescore: RescoreState
  /** Resolves with why the engine refused, or undefined once saved. */
  saveWeights: (weights: DetectorWeights) => Promise<ArgusError | undefined>
  saveAlertPercentile: (percentile: number | null) => Promise<ArgusError | undefined>
  /** Runs another change that makes the engine rescore (the time zone) and, when it succeeds, follows that rescoring. */
  rescoreAfter: (change: () => Promise<ArgusError | undefined>) => Promise<ArgusError | undefined>
}

/** Detector weights and the alert percentile; saving them makes the engine rescore, which is followed here. */
export function useScoringSettings(): ScoringSettingsControl {
  const loaded = useCall('scoring:settings', {})
  const [saved, setSaved] = useState<ScoringSettings | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [rescore, setRescore] = useState<RescoreState>({ state: 'idle' })

  // A run that began before the change was asked for (an import's) read the old settings: its end
  // is not "rescored"; the run the change scheduled follows it.
  const changedAt = useRef(0)
  useEvent('scoring:progress', ({ stage, done, total }) => setRescore({ state: 'running', stage, done, total }))
  useEvent('scoring:finished', (summary) => {
    if (summary.startedAt >= changedAt.current) setRescore({ state: 'finished', summary })
  })

  const rescoreAfter = useCallback(async (change: () => Promise<ArgusError | undefined>): Promise<ArgusError | undefined> => {
    const requestedAt = Date.now()
    const error = await change()
    if (!error) {
      changedAt.current = requestedAt
      setRescore({ state: 'pending' })
    }
    return error
  }, [])

  const save = useCallback(async (work: () => Promise<ScoringSettings>): Promise<ArgusError | undefined> => {
    setBusy(true)
    try {
      return await rescoreAfter(async () => {
        try {
          setSaved(await work())
          return undefined
        } catch (error) {
          return asArgusError(error)
        }
      })
    } finally {
      setBusy(false)
    }
  }, [rescoreAfter])

  return {
    settings: saved ?? loaded.data,
    loadError: loaded.error,
    reload: loaded.reload,
    busy,
    rescore,
    saveWeights: (weights) => save(() => call('scoring:setWeights', weights)),
    saveAlertPercentile: (percentile) => save(() => call('scoring:setAlertPercentile', { percentile })),
    rescoreAfter,
  }
}
