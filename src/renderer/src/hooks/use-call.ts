import { useCallback, useEffect, useState } from 'react'
import type { ApiChannel } from '../../../shared/channels'
import type { ApiInput, ApiOutput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'

/** What every data hook hands a component. */
export interface CallState<T> {
  /** The last answer for the current input; kept while a reload of the same input runs. */
  data: T | undefined
  error: ArgusError | undefined
  loading: boolean
  reload: () => void
}

interface Settled<T> {
  inputKey: string
  attempt: number
  data: T | undefined
  error: ArgusError | undefined
}

/**
 * Calls `channel` with `input` and re-calls whenever the input's JSON changes, so callers may
 * pass a fresh object literal on every render. An answer that arrives after the input changed
 * (or after unmount) is dropped. A null input calls nothing: a screen that needs a call only
 * sometimes still calls its hooks in the same order.
 */
export function useCall<K extends ApiChannel>(channel: K, input: ApiInput<K> | null): CallState<ApiOutput<K>> {
  const inputJson = JSON.stringify(input)
  const inputKey = `${channel} ${inputJson}`
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<Settled<ApiOutput<K>> | undefined>(undefined)

  useEffect(() => {
    // Parsed back from the key so the effect depends on the input's value, not its identity.
    const request = JSON.parse(inputJson) as ApiInput<K> | null
    if (request === null) return
    let current = true
    call(channel, request).then(
      (data) => {
        if (current) setSettled({ inputKey, attempt, data, error: undefined })
      },
      (error: unknown) => {
        if (current) setSettled({ inputKey, attempt, data: undefined, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [channel, inputJson, inputKey, attempt])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])
  const sameInput = settled?.inputKey === inputKey
  return {
    data: sameInput ? settled.data : undefined,
    error: sameInput && settled.attempt === attempt ? settled.error : undefined,
    loading: input !== null && (!sameInput || settled.attempt !== attempt),
    reload,
  }
}
