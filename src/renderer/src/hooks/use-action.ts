import { useCallback, useState } from 'react'
import type { ApiChannel } from '../../../shared/channels'
import type { ApiInput, ApiOutput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'
import { announceChange } from './use-changes'

/** The calls that change the workspace or append to its audit trail (exports are audited too). */
export type ActionChannel = Extract<
  ApiChannel,
  `cases:${'create' | 'rename' | 'setStatus' | 'attach' | 'detach' | 'addNote' | 'editNote'}` | `tags:${'add' | 'remove'}` | `exports:${string}` | 'reports:case' | 'workspace:backup'
>

export interface ActionState {
  pending: boolean
  /** Why the last call failed; cleared when the next one starts. */
  error: ArgusError | undefined
  /** Resolves with the answer, or undefined when the call failed (see `error`). */
  run: <K extends ActionChannel>(channel: K, input: ApiInput<K>) => Promise<ApiOutput<K> | undefined>
}

/**
 * One button's worth of writing: calls `channel`, keeps whether it is on its way and why it
 * failed, and announces the change so every view of cases and the audit trail refetches.
 */
export function useAction(): ActionState {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ArgusError | undefined>(undefined)

  const run = useCallback(async <K extends ActionChannel>(channel: K, input: ApiInput<K>): Promise<ApiOutput<K> | undefined> => {
    setPending(true)
    setError(undefined)
    try {
      const output = await call(channel, input)
      announceChange()
      return output
    } catch (failure) {
      setError(asArgusError(failure))
      return undefined
    } finally {
      setPending(false)
    }
  }, [])

  return { pending, error, run }
}
