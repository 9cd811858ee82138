import { severities, type Severity } from '../../../../shared/severity'
import type { RiskyUsersFilter } from '../../hooks/use-risky-users'
import type { RouteQuery } from '../../routes'

export type UsersView = 'table' | 'cards'

/** What the Users screen shows: the ranking's filter and how it is drawn. */
export interface UsersScreenState {
  filter: RiskyUsersFilter
  view: UsersView
}

/**
 * `#/users?severity=high&type=exfiltration&peerGroup=Finance&search=al&view=cards`: the screen's
 * state from the address, so a chart elsewhere can link to a filtered ranking and Back returns to it.
 */
export function usersStateFromQuery(query: Readonly<Record<string, string>>): UsersScreenState {
  const severity = severities.find((candidate) => candidate === query.severity)
  const filter: RiskyUsersFilter = {}
  if (severity) filter.severity = severity
  if (query.type) filter.type = query.type
  if (query.peerGroup) filter.peerGroup = query.peerGroup
  if (query.search?.trim()) filter.search = query.search.trim()
  return { filter, view: query.view === 'cards' ? 'cards' : 'table' }
}

export function usersStateToQuery({ filter, view }: UsersScreenState): RouteQuery {
  return { ...filter, view: view === 'cards' ? 'cards' : undefined }
}

export function isFiltered(filter: RiskyUsersFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '')
}

export function parseSeverity(value: string): Severity | undefined {
  return severities.find((candidate) => candidate === value)
}
