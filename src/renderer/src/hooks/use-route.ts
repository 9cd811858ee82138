import { useSyncExternalStore } from 'react'
import { parseRoute, routeHref, type RouteId } from '../routes'

function subscribeToHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

function currentHash(): string {
  return window.location.hash
}

/**
 * The screen named by the URL hash (`#/users`). Hash routing works the same from `file://` in
 * Electron and from `argus serve`, whose static server knows only index.html.
 */
export function useRoute(): RouteId {
  return parseRoute(useSyncExternalStore(subscribeToHash, currentHash))
}

/** Opens a screen, as following its sidebar link would. */
export function navigate(route: RouteId): void {
  window.location.hash = routeHref(route)
}
