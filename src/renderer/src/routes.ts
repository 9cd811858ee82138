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

export function routeHref(route: RouteId): string {
  return `#/${route}`
}

export function routeLabel(route: RouteId): string {
  return routes.find((candidate) => candidate.id === route)?.label ?? route
}

/** `#/users` → 'users'; anything unknown (including no hash at all) lands on the dashboard. */
export function parseRoute(hash: string): RouteId {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return routes.find((route) => route.id === name)?.id ?? defaultRoute
}
