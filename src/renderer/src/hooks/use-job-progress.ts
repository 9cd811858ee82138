import { useState } from 'react'
import type { ArgusEvents } from '../../../shared/contract'
import { useEvent } from './use-event'

export type JobProgress = ArgusEvents['job:progress']

/**
 * The latest progress of jobs of one kind. Jobs carry no caller id, so the newest job wins:
 * a retry (or React's development double-mount) starts a job with a higher id than the one it
 * replaces.
 */
export function useJobProgress(kind: string): JobProgress | undefined {
  const [progress, setProgress] = useState<JobProgress | undefined>(undefined)
  useEvent('job:progress', (next) => {
    if (next.kind !== kind) return
    setProgress((previous) => (previous && previous.jobId > next.jobId ? previous : next))
  })
  return progress
}
