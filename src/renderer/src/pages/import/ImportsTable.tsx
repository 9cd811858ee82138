import { useState } from 'react'
import type { ImportRecord } from '../../../../shared/contract'
import { moveRowFocus } from '../../components/row-focus'
import { formatCount, formatTimestamp } from '../../format'
import { displayPath } from './paths'

export interface ImportsTableProps {
  imports: readonly ImportRecord[]
  /** The import whose rejected lines are open. */
  selectedId: number | undefined
  onOpenRejects: (record: ImportRecord) => void
}

/**
 * One row per imported file or archive member, newest first. Rows take focus with a roving
 * tabindex (Tab enters once, the arrow keys move, Home and End jump); Enter opens the row's
 * rejected lines, as does clicking its reject count.
 */
export function ImportsTable({ imports, selectedId, onOpenRejects }: ImportsTableProps) {
  const [activeIndex, setActiveIndex] = useState(0)
  const focusable = Math.min(activeIndex, imports.length - 1)

  return (
    <div className="table-scroll">
      <table className="data-table imports-table">
        <caption className="visually-hidden">
          Imports, newest first. Press Enter on a row to see its rejected lines.
        </caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Events
            </th>
            <th scope="col" className="numeric">
              Rejects
            </th>
            <th scope="col">Started (UTC)</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((record, index) => {
            const { name, folder } = displayPath(record.path)
            const fullPath = record.entry === null ? record.path : `${record.path} › ${record.entry}`
            const label = record.entry === null ? name : `${name} › ${record.entry}`
            return (
              <tr
                key={record.id}
                data-import-id={record.id}
                tabIndex={index === focusable ? 0 : -1}
                className={record.id === selectedId ? 'row-selected' : undefined}
                aria-current={record.id === selectedId ? 'true' : undefined}
                onFocus={() => setActiveIndex(index)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' || event.target !== event.currentTarget) {
                    moveRowFocus(event)
                    return
                  }
                  // The panel takes focus at once; without this, the same key press would
                  // go on to click its Close button.
                  event.preventDefault()
                  onOpenRejects(record)
                }}
              >
                <td className="truncate" title={fullPath}>
                  <span className="mono">{label}</span>
                  {folder ? <div className="cell-sub">{folder}</div> : null}
                </td>
                <td className="nowrap">{record.format ?? <span className="muted">unknown</span>}</td>
                <td>
                  <span className={`status status-${record.status}`}>{record.status}</span>
                </td>
                <td className="numeric">{formatCount(record.events)}</td>
                <td className="numeric">
                  {record.rejects === 0 ? (
                    '0'
                  ) : (
                    // Out of the tab order: Enter on the row does the same, and Tab stays one stop.
                    <button
                      type="button"
                      className="link-button numeric"
                      tabIndex={-1}
                      onClick={() => onOpenRejects(record)}
                      aria-label={`Show the ${formatCount(record.rejects)} rejected lines of ${label}`}
                    >
                      {formatCount(record.rejects)}
                    </button>
                  )}
                </td>
                <td className="numeric nowrap">
                  <time dateTime={formatTimestamp(record.startedAt)}>{formatTimestamp(record.startedAt)}</time>
                </td>
                <td className="cell-problem">{record.error}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
