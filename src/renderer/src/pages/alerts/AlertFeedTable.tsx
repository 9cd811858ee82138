import type { KeyboardEvent } from 'react'
import type { Alert } from '../../../../shared/scoring-schemas'
import { AlertTypeChips } from '../../components/AlertTypeChips'
import { formatScore } from '../../components/AlertDetectors'
import { moveRowFocus } from '../../components/row-focus'
import { SeverityBadge } from '../../components/SeverityBadge'
import { userHref } from '../../hooks/use-alert-route'
import type { TriageChange } from '../../hooks/use-alert-triage'
import { AlertStatusBadge } from './AlertStatusBadge'

export interface AlertFeedTableProps {
  alerts: readonly Alert[]
  /** Alerts pushed live, highlighted for a moment. */
  arrived: ReadonlySet<number>
  selectedId: number | undefined
  onSelect: (id: number) => void
  /** Enter on a row: move to its explanation. */
  onOpen: (id: number) => void
  onTriage: (id: number, change: TriageChange) => void
}

/** Keys that triage the focused row, as the explanation's buttons do. */
export const triageKeys: Readonly<Record<string, TriageChange>> = {
  a: { status: 'acknowledged' },
  t: { verdict: 'true_positive' },
  f: { verdict: 'false_positive' },
}

/**
 * Alerts one per row. The selected row takes focus with a roving tabindex: arrows move (and
 * select), Enter opens the explanation, A / T / F acknowledge or give a verdict.
 */
export function AlertFeedTable({ alerts, arrived, selectedId, onSelect, onOpen, onTriage }: AlertFeedTableProps) {
  const focusableId = alerts.some((alert) => alert.id === selectedId) ? selectedId : alerts[0]?.id

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, alert: Alert): void {
    if (moveRowFocus(event)) return
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'Enter') {
      event.preventDefault()
      onOpen(alert.id)
      return
    }
    const change = triageKeys[event.key.toLowerCase()]
    if (change) {
      event.preventDefault()
      onTriage(alert.id, change)
    }
  }

  return (
    <div className="table-scroll alert-feed-scroll">
      <table className="data-table alert-feed-table">
        <caption className="visually-hidden">Alerts: new ones first, then riskiest first</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col" className="numeric">
              Risk
            </th>
            <th scope="col">User</th>
            <th scope="col">Day</th>
            <th scope="col">Types</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => (
            <tr
              key={alert.id}
              data-alert-id={alert.id}
              className={rowClass(alert.id === selectedId, arrived.has(alert.id))}
              aria-current={alert.id === selectedId ? 'true' : undefined}
              tabIndex={alert.id === focusableId ? 0 : -1}
              onFocus={() => onSelect(alert.id)}
              onKeyDown={(event) => onKeyDown(event, alert)}
            >
              <td>
                <SeverityBadge severity={alert.severity} />
                {arrived.has(alert.id) ? <span className="alert-new-tag">new</span> : null}
              </td>
              <td className="numeric">{formatScore(alert.risk)}</td>
              <td>
                <a href={userHref(alert.user)} tabIndex={-1}>
                  {alert.user}
                </a>
              </td>
              <td className="nowrap">
                <time dateTime={alert.date}>{alert.date}</time>
              </td>
              <td>
                <AlertTypeChips types={alert.types} limit={2} />
              </td>
              <td>
                <AlertStatusBadge status={alert.status} verdict={alert.verdict} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function rowClass(selected: boolean, arrived: boolean): string | undefined {
  const classes = [selected ? 'alert-row-selected' : '', arrived ? 'alert-row-arrived' : ''].filter(Boolean)
  return classes.length > 0 ? classes.join(' ') : undefined
}
