import type { EventChannel } from '../../shared/channels'
import type { ArgusEvents } from '../../shared/contract'

export type EventListener = <K extends EventChannel>(channel: K, payload: ArgusEvents[K]) => void

/** Fans pushed events out to every door (IPC windows, SSE clients). */
export interface EventBus {
  emit<K extends EventChannel>(channel: K, payload: ArgusEvents[K]): void
  /** Every event on every channel; returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void
  /** One channel's events; returns the function that unsubscribes. */
  on<K extends EventChannel>(channel: K, listener: (payload: ArgusEvents[K]) => void): () => void
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
    on(channel, listener) {
      const forward: EventListener = (name: EventChannel, payload) => {
        if (name === channel) listener(payload as ArgusEvents[typeof channel])
      }
      listeners.add(forward)
      return () => listeners.delete(forward)
    },
  }
}
