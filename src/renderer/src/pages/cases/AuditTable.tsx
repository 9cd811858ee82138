import { useState } from 'react'
import type { AuditEntryRow } from '../../../../shared/case-schemas'
import { shortHash } from '../../components/AuditBadge'
import { moveRowFocus } from '../../components/row-focus'
import { formatTimestamp } from '../../format'

export interface AuditTableProps {
  entries: readonly AuditEntryRow[]
  /** The first entry that fails verification, marked in the table. */
  brokenAt: number | null
}

/** One row per audit entry; rows take focus with a roving tabindex like the other tables. */
export function AuditTable({ entries, brokenAt }: AuditTableProps) {
  const [activeIndex, setActiveIndex] = useState(0)
  const focusable = Math.min(activeIndex, entries.length - 1)
  return (
    <div className="table-scroll audit-scroll">
      <table className="data-table audit-table">
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              #
            </th>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Details</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr
              key={entry.id}
              className={entry.id === brokenAt ? 'audit-row-broken' : undefined}
              tabIndex={index === focusable ? 0 : -1}
              onFocus={() => setActiveIndex(index)}
              onKeyDown={moveRowFocus}
            >
              <td className="numeric">{entry.id}</td>
              <td className="nowrap">
                <time dateTime={formatTimestamp(entry.ts)}>{formatTimestamp(entry.ts)}</time>
              </td>
              <td>{entry.actor}</td>
              <td className="nowrap">
                {entry.action}
                {entry.id === brokenAt ? <span className="cell-note">chain breaks here</span> : null}
              </td>
              <td className="truncate mono" title={JSON.stringify(entry.details, null, 2)}>
                {JSON.stringify(entry.details)}
              </td>
              <td className="mono" title={entry.hash}>
                {shortHash(entry.hash)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
