/** The screens, in sidebar order. Plain data so both the router hook and the layout can read it. */
export const routes = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'users', label: 'Users' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'cases', label: 'Cases' },
  { id: 'import', label: 'Import' },
  { id: 'settings', label: 'Settings' },
] as const

export type RouteId = (typeof routes)[number]['id']

export const defaultRoute: RouteId = 'dashboard'

/**
 * Optional state after `?` in the hash (`#/users?severity=high`): filters a screen starts from.
 * Undefined and empty values are left out.
 */
export type RouteQuery = Readonly<Record<string, string | undefined>>

export function routeHref(route: RouteId, query: RouteQuery = {}): string {
  return `#/${route}${queryString(query)}`
}

/** The user page, `#/users/<name>`; `query.day` (YYYY-MM-DD) opens it on that scored day. */
export function userHref(user: string, query: RouteQuery = {}): string {
  return `#/users/${encodeURIComponent(user)}${queryString(query)}`
}

/** The Cases screen's sub-pages: one case (`#/cases/12`) or the audit trail (`#/cases/audit`). */
export type CaseRoute = number | 'audit'

/** A case's page, `#/cases/<id>`. */
export function caseHref(id: number): string {
  return `#/cases/${id}`
}

/** The audit trail, a sub-page of Cases since most entries are case work. */
export const auditHref = '#/cases/audit'

export function routeLabel(route: RouteId): string {
  return routes.find((candidate) => candidate.id === route)?.label ?? route
}

/** `#/users` → 'users'; anything unknown (including no hash at all) lands on the dashboard. */
export function parseRoute(hash: string): RouteId {
  const name = routePath(hash)[0] ?? ''
  return routes.find((route) => route.id === name)?.id ?? defaultRoute
}

/** `#/users/alice%40corp?day=…` → 'alice@corp'; null on every other screen. */
export function parseRouteUser(hash: string): string | null {
  const [screen, encoded] = routePath(hash)
  if (screen !== 'users' || encoded === undefined || encoded === '') return null
  try {
    return decodeURIComponent(encoded)
  } catch {
    // A hand-typed `%` that is no escape: take the name as written.
    return encoded
  }
}

/** `#/cases/12` → 12, `#/cases/audit` → 'audit'; null on the case list and every other screen. */
export function parseRouteCase(hash: string): CaseRoute | null {
  const [screen, part] = routePath(hash)
  if (screen !== 'cases' || part === undefined) return null
  if (part === 'audit') return 'audit'
  const id = /^\d{1,15}$/.test(part) ? Number(part) : Number.NaN
  return Number.isSafeInteger(id) ? id : null
}

/** The `?…` part of the hash as plain key → value pairs. */
export function parseRouteQuery(hash: string): Record<string, string> {
  const mark = hash.indexOf('?')
  if (mark < 0) return {}
  return Object.fromEntries(new URLSearchParams(hash.slice(mark + 1)))
}

function routePath(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? ''
  return path.split('/')
}

function queryString(query: RouteQuery): string {
  const entries = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`
}
