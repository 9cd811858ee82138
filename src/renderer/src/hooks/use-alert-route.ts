import { useMemo, useSyncExternalStore } from 'react'
import type { Alert } from '../../../shared/scoring-schemas'
import { severities, type Severity } from '../../../shared/severity'

export type AlertStatus = Alert['status']

// Spelled out here: the schema module would bring zod into the renderer's bundle.
export const alertStatuses = ['open', 'acknowledged', 'closed'] as const satisfies readonly AlertStatus[]

/**
 * What the Alerts page shows, as carried in its URL (`#/alerts?severity=high&type=exfiltration`),
 * so the dashboard's charts, the command palette and the back button can all open a filtered list.
 */
export interface AlertFilter {
  severity?: Severity
  type?: string
  status?: AlertStatus
  user?: string
  /** Alert dates (YYYY-MM-DD, the workspace's days), both ends included. */
  from?: string
  to?: string
}

export interface AlertRoute {
  filter: AlertFilter
  /** An alert to open, from `?id=12`. */
  alertId: number | undefined
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const typePattern = /^[a-z0-9_]{1,64}$/

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value)
}

/** Reads the query part of `#/alerts?…`; anything malformed is ignored rather than sent to the engine. */
export function parseAlertRoute(hash: string): AlertRoute {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''
  const params = new URLSearchParams(query)
  const filter: AlertFilter = {}
  const severity = oneOf(severities, params.get('severity'))
  if (severity) filter.severity = severity
  const status = oneOf(alertStatuses, params.get('status'))
  if (status) filter.status = status
  const type = params.get('type')
  if (type && typePattern.test(type)) filter.type = type
  const user = params.get('user')
  if (user && user.length <= 256) filter.user = user
  const from = params.get('from')
  if (from && datePattern.test(from)) filter.from = from
  const to = params.get('to')
  if (to && datePattern.test(to)) filter.to = to
  const id = Number(params.get('id') ?? Number.NaN)
  return { filter, alertId: Number.isSafeInteger(id) && id > 0 ? id : undefined }
}

/** The link to the Alerts page showing `filter` (and opening alert `id`). */
export function alertsHref(filter: AlertFilter = {}, id?: number): string {
  const params = new URLSearchParams()
  for (const key of ['severity', 'type', 'status', 'user', 'from', 'to'] as const) {
    const value = filter[key]
    if (value !== undefined) params.set(key, value)
  }
  if (id !== undefined) params.set('id', String(id))
  const query = params.toString()
  return query === '' ? '#/alerts' : `#/alerts?${query}`
}

/** The user page (`#/users/<name>`). */
export function userHref(user: string): string {
  return `#/users/${encodeURIComponent(user)}`
}

/** Follows a link made by `alertsHref` or `userHref`, as clicking it would. */
export function openHref(href: string): void {
  window.location.hash = href.replace(/^#/, '')
}

function subscribeToHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

function currentHash(): string {
  return window.location.hash
}

/** The Alerts page's filter and the alert to open, read from the URL and following it. */
export function useAlertRoute(): AlertRoute & { setFilter: (filter: AlertFilter) => void } {
  const hash = useSyncExternalStore(subscribeToHash, currentHash)
  const route = useMemo(() => parseAlertRoute(hash), [hash])
  return { ...route, setFilter: (filter) => openHref(alertsHref(filter)) }
}
