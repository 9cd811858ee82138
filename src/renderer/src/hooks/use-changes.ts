import { useEffect, useEffectEvent } from 'react'
import type { ApiChannel } from '../../../shared/channels'
import type { ApiInput, ApiOutput } from '../../../shared/contract'
import { useCall, type CallState } from './use-call'

type Listener = () => void

const listeners = new Set<Listener>()

/**
 * Says that this window just changed the workspace (a case, a note, a tag, an export). The engine
 * pushes no event for these, so everything that shows them (the case list, the audit badge,
 * pinned events) listens here instead.
 */
export function announceChange(): void {
  for (const listener of [...listeners]) listener()
}

/** Runs `listener` after every change this window makes through `useAction`, while mounted. */
export function useChanges(listener: Listener): void {
  const onChange = useEffectEvent(listener)
  useEffect(() => {
    const forward = (): void => onChange()
    listeners.add(forward)
    return () => {
      listeners.delete(forward)
    }
  }, [])
}

/** `useCall` that asks again after every change this window makes. */
export function useCallAfterChanges<K extends ApiChannel>(channel: K, input: ApiInput<K>): CallState<ApiOutput<K>> {
  const state = useCall(channel, input)
  useChanges(state.reload)
  return state
}
