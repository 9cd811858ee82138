import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function UsersPage() {
  return (
    <div className="page">
      <PageHeader title="Users" />
      <EmptyState title="Risk scoring is not available yet in this build">
        Users will be ranked by risk once behaviour baselines and detectors are in place.
      </EmptyState>
    </div>
  )
}
