import type { CaseStatus } from '../../hooks/use-cases'

/** Open or closed, coloured so a closed case reads as finished at a glance. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`status case-status-${status}`}>{status === 'open' ? 'Open' : 'Closed'}</span>
}
