import { useState } from 'react'
import type { EventRow } from '../../../../shared/contract'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { UserEventDetail } from '../../components/UserEventDetail'
import { UserEventsGrid } from '../../components/UserEventsGrid'
import { formatCount } from '../../format'
import { maxLoadedEvents, useEventsPage } from '../../hooks/use-events-page'
import { zonedDayBounds } from './zoned-day'

export interface UserLogsPanelProps {
  user: string
  /** The selected scored day, which "Selected day" narrows the logs to. */
  day: string | undefined
  /** The workspace's time zone, in which scored days begin and end. */
  timeZone: string | undefined
}

/**
 * The user's events, newest first, a page at a time, either all of them or those of the selected
 * day; a row opens its raw record beside the table.
 */
export function UserLogsPanel({ user, day, timeZone }: UserLogsPanelProps) {
  const [onlyDay, setOnlyDay] = useState(false)
  const narrowed = onlyDay && day !== undefined && timeZone !== undefined
  const events = useEventsPage(narrowed ? { user, ...zonedDayBounds(day, timeZone) } : { user }, 200)
  const [open, setOpen] = useState<EventRow | undefined>(undefined)

  const scope = (
    <>
      <span className="muted">{formatCount(events.items.length)} loaded</span>
      <div className="risk-switch" role="group" aria-label="Which logs">
        <button type="button" className="button" aria-pressed={!onlyDay} onClick={() => setOnlyDay(false)}>
          All
        </button>
        <button type="button" className="button" aria-pressed={onlyDay} disabled={day === undefined || timeZone === undefined} onClick={() => setOnlyDay(true)}>
          {day ? `Day ${day}` : 'Selected day'}
        </button>
      </div>
    </>
  )

  return (
    <Panel title={narrowed ? `Logs of ${day}` : 'Recent logs'} aside={scope}>
      {events.error && events.items.length === 0 ? (
        <ErrorBanner error={events.error} title="Could not load the user’s events" onRetry={events.reload} />
      ) : events.loading ? (
        <Loading label="Loading the user’s events" lines={6} />
      ) : events.items.length === 0 ? (
        <EmptyState title={narrowed ? `No events for this user on ${day}` : 'No events for this user'} />
      ) : (
        <div className={open ? 'user-logs user-logs-with-detail' : 'user-logs'}>
          <div className="user-logs-main">
            <UserEventsGrid events={events.items} openId={open?.id} onOpen={setOpen} />
            <div className="table-footer">
              <span className="muted">
                {events.capped
                  ? `Showing the newest ${formatCount(maxLoadedEvents)}; older events stay in the workspace.`
                  : events.hasMore
                    ? 'Older events exist.'
                    : narrowed
                      ? 'All of this user’s events of the day are shown.'
                      : 'All of this user’s events are shown.'}
              </span>
              {events.hasMore ? (
                <button type="button" className="button" onClick={events.loadMore} disabled={events.loadingMore}>
                  {events.loadingMore ? 'Loading…' : 'Load more'}
                </button>
              ) : null}
            </div>
            {events.error ? <ErrorBanner error={events.error} title="Could not load more events" onRetry={events.loadMore} /> : null}
          </div>
          {open ? <UserEventDetail event={open} onClose={() => setOpen(undefined)} /> : null}
        </div>
      )}
    </Panel>
  )
}
