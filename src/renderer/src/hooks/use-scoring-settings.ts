import { useCallback, useState } from 'react'
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
  /** Another change (the time zone, the rules) made the engine schedule a rescoring. */
  expectRescore: () => void
}

/** Detector weights and the alert percentile; saving them makes the engine rescore, which is followed here. */
export function useScoringSettings(): ScoringSettingsControl {
  const loaded = useCall('scoring:settings', {})
  const [saved, setSaved] = useState<ScoringSettings | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [rescore, setRescore] = useState<RescoreState>({ state: 'idle' })

  useEvent('scoring:progress', ({ stage, done, total }) => setRescore({ state: 'running', stage, done, total }))
  useEvent('scoring:finished', (summary) => setRescore({ state: 'finished', summary }))

  const save = useCallback(async (work: () => Promise<ScoringSettings>): Promise<ArgusError | undefined> => {
    setBusy(true)
    try {
      setSaved(await work())
      setRescore({ state: 'pending' })
      return undefined
    } catch (error) {
      return asArgusError(error)
    } finally {
      setBusy(false)
    }
  }, [])

  return {
    settings: saved ?? loaded.data,
    loadError: loaded.error,
    reload: loaded.reload,
    busy,
    rescore,
    saveWeights: (weights) => save(() => call('scoring:setWeights', weights)),
    saveAlertPercentile: (percentile) => save(() => call('scoring:setAlertPercentile', { percentile })),
    expectRescore: () => setRescore({ state: 'pending' }),
  }
}
