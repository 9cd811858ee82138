import type { ApiInput, EventCursor, EventRow } from '../../../shared/contract'
import { call } from '../api/client'
import { useKeysetPages, type KeysetPagesState } from './use-keyset-pages'

/** Which events to page through; the paging fields belong to the hook. */
export type EventsFilter = Omit<ApiInput<'events:list'>, 'limit' | 'cursor'>

/**
 * A workspace can hold millions of events; the renderer keeps only the pages the investigator
 * asked for, and stops offering more past this many rows (a filter is the way further).
 */
export const maxLoadedEvents = 5000

export type EventsPageState = KeysetPagesState<EventRow>

/** Keyset paging over `events:list`: the first page on mount, then "Load more" appends the next. */
export function useEventsPage(filter: EventsFilter = {}, pageSize = 100): EventsPageState {
  return useKeysetPages<EventRow, EventCursor>(
    `${JSON.stringify(filter)} ${pageSize}`,
    (cursor) => call('events:list', { ...filter, limit: pageSize, cursor }),
    { maxItems: maxLoadedEvents },
  )
}
