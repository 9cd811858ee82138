import type { ReactNode } from 'react'
import type { EventRow } from '../../../shared/contract'
import { formatTimestamp } from '../format'

export interface UserEventDetailProps {
  event: EventRow
  onClose: () => void
  /** What can be done with the event (pin it to a case, tag it), under its heading. */
  actions?: ReactNode
}

/** One event as stored: its normalized fields, where it came from, and the parser's raw attributes. */
export function UserEventDetail({ event, onClose, actions }: UserEventDetailProps) {
  const fields: [string, string | number | null][] = [
    ['Time (UTC)', formatTimestamp(event.ts)],
    ['User', event.user],
    ['Host', event.host],
    ['Source IP', event.srcIp],
    ['Destination IP', event.dstIp],
    ['Category', event.category],
    ['Action', event.action],
    ['Outcome', event.outcome],
    ['Object', event.object],
    ['Bytes', event.bytes],
    ['Amount', event.amount],
  ]
  return (
    <aside className="user-event-detail" aria-label="Raw record">
      <header className="user-event-detail-header">
        <h3>Event #{event.id}</h3>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close
        </button>
      </header>
      {actions === undefined ? null : <div className="user-event-actions">{actions}</div>}
      <section aria-label="Provenance">
        <h4>Provenance</h4>
        <dl className="facts">
          <dt>Import (source id)</dt>
          <dd className="mono">#{event.sourceId}</dd>
          <dt>Line / record</dt>
          <dd className="mono">{event.lineNo}</dd>
        </dl>
      </section>
      <section aria-label="Normalized fields">
        <h4>Normalized fields</h4>
        <dl className="facts">
          {fields
            .filter(([, value]) => value !== null)
            .map(([name, value]) => (
              <div key={name} className="user-event-field">
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
      <section aria-label="Raw attributes">
        <h4>Raw attributes</h4>
        {Object.keys(event.attrs).length === 0 ? (
          <p className="muted">The parser kept no further attributes.</p>
        ) : (
          <pre className="user-event-attrs">{JSON.stringify(event.attrs, null, 2)}</pre>
        )}
      </section>
    </aside>
  )
}
