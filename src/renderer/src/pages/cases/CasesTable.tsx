import { useState, type KeyboardEvent } from 'react'
import type { Case } from '../../../../shared/case-schemas'
import { moveRowFocus } from '../../components/row-focus'
import { formatCount, formatTimestamp } from '../../format'
import { caseHref } from '../../routes'
import { CaseStatusBadge } from './CaseStatusBadge'

export interface CasesTableProps {
  cases: readonly Case[]
  onOpen: (id: number) => void
}

const countColumns = [
  { key: 'users', label: 'Users' },
  { key: 'alerts', label: 'Alerts' },
  { key: 'events', label: 'Events' },
  { key: 'ranges', label: 'Ranges' },
  { key: 'notes', label: 'Notes' },
] as const

/**
 * One row per case. Rows take focus with a roving tabindex: Tab enters the table once, arrows,
 * Home and End move, Enter (or a click) opens the case.
 */
export function CasesTable({ cases, onOpen }: CasesTableProps) {
  const [activeIndex, setActiveIndex] = useState(0)
  const focusable = Math.min(activeIndex, cases.length - 1)

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, id: number): void {
    if (moveRowFocus(event)) return
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault()
      onOpen(id)
    }
  }

  return (
    <div className="table-scroll">
      <table className="data-table cases-table">
        <caption className="visually-hidden">Cases, most recently changed first; Enter opens the selected case</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Status</th>
            {countColumns.map((column) => (
              <th key={column.key} scope="col" className="numeric">
                {column.label}
              </th>
            ))}
            <th scope="col">Updated (UTC)</th>
            <th scope="col">Opened by</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item, index) => (
            <tr
              key={item.id}
              className="cases-row"
              data-case-id={item.id}
              tabIndex={index === focusable ? 0 : -1}
              onFocus={() => setActiveIndex(index)}
              onKeyDown={(event) => onKeyDown(event, item.id)}
              onClick={() => onOpen(item.id)}
            >
              <td>
                <span className="muted numeric">#{item.id}</span>{' '}
                <a href={caseHref(item.id)} tabIndex={-1}>
                  {item.title}
                </a>
              </td>
              <td>
                <CaseStatusBadge status={item.status} />
              </td>
              {countColumns.map((column) => (
                <td key={column.key} className="numeric">
                  {formatCount(item.counts[column.key])}
                </td>
              ))}
              <td className="nowrap">
                <time dateTime={formatTimestamp(item.updatedAt)}>{formatTimestamp(item.updatedAt)}</time>
              </td>
              <td>{item.author}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
