import type { Alert } from '../../../../shared/scoring-schemas'

const statusLabels: Record<Alert['status'], string> = { open: 'Open', acknowledged: 'Acknowledged', closed: 'Closed' }
const verdictLabels: Record<NonNullable<Alert['verdict']>, string> = { true_positive: 'True positive', false_positive: 'False positive' }

export interface AlertStatusBadgeProps {
  status: Alert['status']
  verdict: Alert['verdict']
}

/** Where triage stands: the verdict when there is one (it is the decision), else the status. */
export function AlertStatusBadge({ status, verdict }: AlertStatusBadgeProps) {
  if (verdict) {
    return (
      <span className={`alert-status alert-verdict-${verdict}`} title={`${verdictLabels[verdict]} · ${statusLabels[status]}`}>
        {verdictLabels[verdict]}
      </span>
    )
  }
  return <span className={`alert-status alert-status-${status}`}>{statusLabels[status]}</span>
}

export function alertStatusText(status: Alert['status'], verdict: Alert['verdict']): string {
  return verdict ? `${verdictLabels[verdict]} (${statusLabels[status].toLowerCase()})` : statusLabels[status]
}
