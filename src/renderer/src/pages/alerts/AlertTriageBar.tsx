import type { ArgusError } from '../../../../shared/errors'
import type { Alert } from '../../../../shared/scoring-schemas'
import { AddToCase } from '../../components/AddToCase'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ItemTags } from '../../components/ItemTags'
import type { TriageChange } from '../../hooks/use-alert-triage'
import { AlertStatusBadge } from './AlertStatusBadge'

export interface AlertTriageBarProps {
  alert: Alert
  pending: boolean
  error: ArgusError | undefined
  onTriage: (change: TriageChange) => void
}

/**
 * Acknowledge, or decide: a verdict closes the alert and feeds the scoring (repeated false
 * positives of a kind are damped for that user in the next run).
 */
export function AlertTriageBar({ alert, pending, error, onTriage }: AlertTriageBarProps) {
  const decided = alert.verdict !== null || alert.status !== 'open'
  return (
    <div className="alert-triage">
      <div className="alert-triage-state">
        <span className="muted">Triage</span> <AlertStatusBadge status={alert.status} verdict={alert.verdict} />
        {pending ? <span className="muted" aria-live="polite"> saving…</span> : null}
      </div>
      <div className="alert-triage-buttons" role="group" aria-label="Triage">
        <button
          type="button"
          className="button"
          disabled={pending || alert.status !== 'open'}
          onClick={() => onTriage({ status: 'acknowledged' })}
          aria-keyshortcuts="A"
        >
          Acknowledge
        </button>
        <button
          type="button"
          className="button triage-true"
          disabled={pending || alert.verdict === 'true_positive'}
          onClick={() => onTriage({ verdict: 'true_positive' })}
          aria-keyshortcuts="T"
        >
          True positive
        </button>
        <button
          type="button"
          className="button triage-false"
          disabled={pending || alert.verdict === 'false_positive'}
          onClick={() => onTriage({ verdict: 'false_positive' })}
          aria-keyshortcuts="F"
        >
          False positive
        </button>
        {decided ? (
          <button type="button" className="button button-quiet" disabled={pending} onClick={() => onTriage({ verdict: null, status: 'open' })}>
            Reopen
          </button>
        ) : null}
        <AddToCase key={alert.id} evidence={{ kind: 'alert', alertId: alert.id }} label="Assign to case" subject={`alert #${alert.id}`} />
      </div>
      <ItemTags key={alert.id} target="alert" item={String(alert.id)} subject={`alert #${alert.id}`} />
      {error ? <ErrorBanner title="Could not save the decision" error={error} /> : null}
    </div>
  )
}
