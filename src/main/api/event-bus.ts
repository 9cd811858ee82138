import type { EventChannel } from '../../shared/channels'
import type { ArgusEvents } from '../../shared/contract'

export type EventListener = <K extends EventChannel>(channel: K, payload: ArgusEvents[K]) => void

/** Fans pushed events out to every door (IPC windows, SSE clients). */
export interface EventBus {
  emit<K extends EventChannel>(channel: K, payload: ArgusEvents[K]): void
  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(channel, payload) {
      for (const listener of listeners) listener(channel, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
