import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function AlertsPage() {
  return (
    <div className="page">
      <PageHeader title="Alerts" />
      <EmptyState title="Alerts appear here once scoring runs">
        Scoring is not part of this build yet, so no user-day has been rated.
      </EmptyState>
    </div>
  )
}
