import { useEffect, useState } from 'react'
import type { ArgusError } from '../../../shared/errors'
import type { ScoredDayRow } from '../../../shared/scoring-schemas'
import { asArgusError, call } from '../api/client'
import { useEvent } from './use-event'

/** One scored day's five detector scores: all a weights preview needs of it. */
export type DetectorScores = ScoredDayRow['detectors']

export interface ScoringPreviewSample {
  /** Users the sample was drawn from (at most `previewUsers`). */
  users: number
  days: readonly DetectorScores[]
}

export interface ScoringPreviewState {
  sample: ScoringPreviewSample | undefined
  error: ArgusError | undefined
  loading: boolean
  reload: () => void
}

/** How many of the riskiest users the preview reads; their details are fetched one call each. */
export const previewUsers = 50
const parallelCalls = 6

/**
 * The detector scores of every scored day of the riskiest users, for previewing other weights
 * without rescoring. Only the five numbers per day are kept, not the days' facts. Read again
 * when a scoring run finishes, since the riskiest users may then be others.
 */
export function useScoringPreview(): ScoringPreviewState {
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<{ attempt: number; sample?: ScoringPreviewSample; error?: ArgusError }>()

  useEvent('scoring:finished', () => setAttempt((previous) => previous + 1))

  useEffect(() => {
    let current = true
    loadSample(() => current).then(
      (sample) => {
        if (current) setSettled({ attempt, sample })
      },
      (error: unknown) => {
        if (current) setSettled({ attempt, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [attempt])

  return {
    // The previous sample stays in view while a newer one loads.
    sample: settled?.sample,
    error: settled?.attempt === attempt ? settled.error : undefined,
    loading: settled?.attempt !== attempt,
    reload: () => setAttempt((previous) => previous + 1),
  }
}

async function loadSample(stillWanted: () => boolean): Promise<ScoringPreviewSample> {
  const ranking = await call('users:listRisky', { limit: previewUsers })
  const names = ranking.items.map((item) => item.user)
  const days: DetectorScores[] = []
  let next = 0
  // A few calls at a time: quick, without queueing fifty requests in front of everything else.
  async function worker(): Promise<void> {
    while (next < names.length && stillWanted()) {
      const user = names[next++]!
      const detail = await call('users:detail', { user })
      for (const day of detail.days) days.push(day.detectors)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelCalls, names.length) }, worker))
  return { users: names.length, days }
}
