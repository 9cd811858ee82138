import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { EventsTable } from '../../components/EventsTable'
import { Loading } from '../../components/Loading'
import { Pager } from '../../components/Pager'
import { Panel } from '../../components/Panel'
import { useEventsPage } from '../../hooks/use-events-page'
import { zonedSpanBounds } from '../../zoned-day'
import type { DashboardRange } from './dashboard-range'

export interface RecentEventsPanelProps {
  /** Only events of these days. */
  range: DashboardRange | null
  /** The workspace's zone, whose midnights the days run between; undefined while it is read. */
  timeZone: string | undefined
}

export function RecentEventsPanel({ range, timeZone }: RecentEventsPanelProps) {
  // Until the zone is known a narrowed list would start from the wrong midnight: show the newest meanwhile.
  const narrowed = range !== null && timeZone !== undefined
  const page = useEventsPage(narrowed ? zonedSpanBounds(range, timeZone) : {})
  const shown = page.items.length
  const title = narrowed ? `Events ${range.from === range.to ? `of ${range.from}` : `${range.from} to ${range.to}`} (${timeZone})` : 'Recent events'

  let body
  if (page.loading) {
    body = <Loading label="Loading events" lines={6} />
  } else if (shown === 0 && page.error) {
    body = <ErrorBanner title="Could not load events" error={page.error} onRetry={page.reload} />
  } else if (shown === 0) {
    body = narrowed ? (
      <EmptyState title="No events in these days" />
    ) : (
      <EmptyState title="No events yet">Imported events appear here, newest first.</EmptyState>
    )
  } else {
    body = (
      <>
        <EventsTable events={page.items} caption={`${title}, newest first`} />
        {page.error ? <ErrorBanner title="Could not load that page of events" error={page.error} onRetry={page.reload} /> : null}
        <Pager pager={page} rows="events" />
      </>
    )
  }
  return <Panel title={title}>{body}</Panel>
}
