import type { ApiInput, EventCursor, EventRow } from '../../../shared/contract'
import { call } from '../api/client'
import { useKeysetPages, type KeysetPagesState } from './use-keyset-pages'

/** Which events to page through; the paging fields belong to the hook. */
export type EventsFilter = Omit<ApiInput<'events:list'>, 'limit' | 'cursor'>

export type EventsPageState = KeysetPagesState<EventRow>

/**
 * Keyset paging over `events:list`, one page at a time: a workspace can hold millions of events,
 * and the renderer keeps only the page shown.
 */
export function useEventsPage(filter: EventsFilter = {}, pageSize = 100): EventsPageState {
  return useKeysetPages<EventRow, EventCursor>(
    `${JSON.stringify(filter)} ${pageSize}`,
    (cursor) => call('events:list', { ...filter, limit: pageSize, cursor })
  )
}
