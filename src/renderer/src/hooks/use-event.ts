import { useEffect, useEffectEvent } from 'react'
import type { EventChannel } from '../../../shared/channels'
import type { ArgusEvents } from '../../../shared/contract'
import { subscribe } from '../api/client'

/** Runs `listener` for every `channel` event while the component is mounted. */
export function useEvent<K extends EventChannel>(channel: K, listener: (payload: ArgusEvents[K]) => void): void {
  // An effect event always sees the latest listener without resubscribing on every render.
  const onEvent = useEffectEvent(listener)
  useEffect(() => subscribe(channel, (payload) => onEvent(payload)), [channel])
}
