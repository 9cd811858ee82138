import { useState } from 'react'
import type { EventRow } from '../../../../shared/contract'
import { AddToCase } from '../../components/AddToCase'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ItemTags } from '../../components/ItemTags'
import { Loading } from '../../components/Loading'
import { Pager } from '../../components/Pager'
import { Panel } from '../../components/Panel'
import { UserEventDetail } from '../../components/UserEventDetail'
import { UserEventsGrid } from '../../components/UserEventsGrid'
import { useEventsPage } from '../../hooks/use-events-page'
import { zonedDayBounds, zonedSpanBounds, type DaySpan } from '../../zoned-day'

export interface UserLogsPanelProps {
  user: string
  /** The selected scored day, which "Selected day" narrows the logs to. */
  day: string | undefined
  /** The days brushed on the timeline; the logs narrow to a newly brushed span. */
  span: DaySpan | null
  /** The workspace's time zone, in which scored days begin and end. */
  timeZone: string | undefined
}

type Scope = 'all' | 'day' | 'span'

/**
 * The user's events, newest first, one page at a time: all of them, those of the selected day or
 * those of the brushed span; a row opens its raw record beside the table.
 */
export function UserLogsPanel({ user, day, span, timeZone }: UserLogsPanelProps) {
  const [scope, setScope] = useState<Scope>('all')
  // A span just brushed is what the analyst wants to read; once cleared, all logs again.
  const [followedSpan, setFollowedSpan] = useState(span)
  if (span !== followedSpan) {
    setFollowedSpan(span)
    setScope(span ? 'span' : 'all')
  }
  const spanText = span ? (span.from === span.to ? span.from : `${span.from} to ${span.to}`) : undefined
  let bounds: { from: number; to: number } | undefined
  if (timeZone !== undefined && scope === 'day' && day !== undefined) bounds = zonedDayBounds(day, timeZone)
  if (timeZone !== undefined && scope === 'span' && span) bounds = zonedSpanBounds(span, timeZone)
  const narrowed = bounds !== undefined
  const events = useEventsPage(bounds ? { user, ...bounds } : { user }, 200)
  const [open, setOpen] = useState<EventRow | undefined>(undefined)
  const shownDays = scope === 'span' ? spanText : day

  const scopeSwitch = (
    <>
      <div className="risk-switch" role="group" aria-label="Which logs">
        <button type="button" className="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
          All
        </button>
        <button type="button" className="button" aria-pressed={scope === 'day'} disabled={day === undefined || timeZone === undefined} onClick={() => setScope('day')}>
          {day ? `Day ${day}` : 'Selected day'}
        </button>
        {span ? (
          <button type="button" className="button" aria-pressed={scope === 'span'} disabled={timeZone === undefined} onClick={() => setScope('span')}>
            Days {spanText}
          </button>
        ) : null}
      </div>
    </>
  )

  return (
    <Panel title={narrowed ? `Logs of ${shownDays}` : 'Recent logs'} aside={scopeSwitch}>
      {events.error && events.items.length === 0 ? (
        <ErrorBanner error={events.error} title="Could not load the user’s events" onRetry={events.reload} />
      ) : events.loading ? (
        <Loading label="Loading the user’s events" lines={6} />
      ) : events.items.length === 0 ? (
        <EmptyState title={narrowed ? `No events for this user on ${shownDays}` : 'No events for this user'} />
      ) : (
        <div className={open ? 'user-logs user-logs-with-detail' : 'user-logs'}>
          <div className="user-logs-main">
            <UserEventsGrid events={events.items} pager={events} openId={open?.id} onOpen={setOpen} />
            <Pager pager={events} rows="events">
              {events.hasNext ? ', newest first; older ones on the next pages' : ''}
            </Pager>
            {events.error ? <ErrorBanner error={events.error} title="Could not load that page of events" onRetry={events.reload} /> : null}
          </div>
          {open ? (
            <UserEventDetail event={open} onClose={() => setOpen(undefined)} actions={<EventCaseActions key={open.id} eventId={open.id} />} />
          ) : null}
        </div>
      )}
    </Panel>
  )
}

/** Pinning the open event to a case (it is then marked on the timeline) and tagging it. */
function EventCaseActions({ eventId }: { eventId: number }) {
  const subject = `event #${eventId}`
  return (
    <>
      <AddToCase evidence={{ kind: 'event', eventId }} label="Pin to case" subject={subject} />
      <ItemTags target="event" item={String(eventId)} subject={subject} />
    </>
  )
}
