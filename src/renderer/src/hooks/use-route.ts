import { useMemo, useSyncExternalStore } from 'react'
import { caseHref, parseRoute, parseRouteCase, parseRouteQuery, parseRouteUser, routeHref, userHref, type CaseRoute, type RouteId, type RouteQuery } from '../routes'

function subscribeToHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

function currentHash(): string {
  return window.location.hash
}

function useHash(): string {
  return useSyncExternalStore(subscribeToHash, currentHash)
}

/**
 * The screen named by the URL hash (`#/users`). Hash routing works the same from `file://` in
 * Electron and from `argus serve`, whose static server knows only index.html.
 */
export function useRoute(): RouteId {
  return parseRoute(useHash())
}

/** The user whose page is open (`#/users/<name>`), or null on any other screen. */
export function useRouteUser(): string | null {
  return parseRouteUser(useHash())
}

/** The case (`#/cases/<id>`) or the audit trail (`#/cases/audit`) that is open, or null. */
export function useRouteCase(): CaseRoute | null {
  return parseRouteCase(useHash())
}

/** The hash's `?…` state as it was when the screen was opened or last navigated to. */
export function useRouteQuery(): Readonly<Record<string, string>> {
  const hash = useHash()
  return useMemo(() => parseRouteQuery(hash), [hash])
}

/** Opens a screen, as following its sidebar link would. */
export function navigate(route: RouteId, query?: RouteQuery): void {
  window.location.hash = routeHref(route, query)
}

/** Opens a user's page, on `query.day` when given. */
export function navigateToUser(user: string, query?: RouteQuery): void {
  window.location.hash = userHref(user, query)
}

/** Opens a case's page. */
export function navigateToCase(id: number): void {
  window.location.hash = caseHref(id)
}

/**
 * Records a screen's state (filters, the selected day) in the address without a new history
 * entry and without a hashchange: the screen already shows it, and Back should leave the screen
 * rather than step through every filter change. A reload or a copied link starts from it.
 */
export function replaceRouteQuery(query: RouteQuery): void {
  const hash = window.location.hash
  const mark = hash.indexOf('?')
  const path = mark < 0 ? hash : hash.slice(0, mark)
  const entries = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
  const search = entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${path || '#/'}${search}`)
}
