import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function CasesPage() {
  return (
    <div className="page">
      <PageHeader title="Cases" />
      <EmptyState title="Case management is not available yet">
        Cases will collect alerts, notes and evidence for one investigation.
      </EmptyState>
    </div>
  )
}
