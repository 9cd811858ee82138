import { useState } from 'react'
import type { EventRow } from '../../../shared/contract'
import { formatTimestamp } from '../format'
import { moveRowFocus } from './row-focus'

export interface EventsTableProps {
  events: readonly EventRow[]
  caption: string
}

/**
 * One row per event, newest first. Rows take focus with a roving tabindex: Tab enters the table
 * once, the arrow keys move between rows, Home and End jump to the ends.
 */
export function EventsTable({ events, caption }: EventsTableProps) {
  const [activeIndex, setActiveIndex] = useState(0)
  const focusable = Math.min(activeIndex, events.length - 1)

  return (
    <div className="table-scroll">
      <table className="data-table events-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">User</th>
            <th scope="col">Host</th>
            <th scope="col">Category</th>
            <th scope="col">Action</th>
            <th scope="col">Outcome</th>
            <th scope="col">Object</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event, index) => (
            <tr
              key={event.id}
              tabIndex={index === focusable ? 0 : -1}
              onFocus={() => setActiveIndex(index)}
              onKeyDown={moveRowFocus}
            >
              <td className="numeric nowrap">
                <time dateTime={formatTimestamp(event.ts)}>{formatTimestamp(event.ts)}</time>
              </td>
              <Cell value={event.user} />
              <Cell value={event.host} />
              <td>{event.category}</td>
              <td>{event.action}</td>
              <td>
                <span className={`outcome outcome-${event.outcome}`}>{event.outcome}</span>
              </td>
              <Cell value={event.object} truncate />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Cell({ value, truncate = false }: { value: string | null; truncate?: boolean }) {
  if (value === null) {
    return (
      <td className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">none</span>
      </td>
    )
  }
  return (
    <td className={truncate ? 'truncate' : undefined} title={truncate ? value : undefined}>
      {value}
    </td>
  )
}
