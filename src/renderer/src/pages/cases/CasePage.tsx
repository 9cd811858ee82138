import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { useAuditCheck } from '../../hooks/use-audit'
import { useCall } from '../../hooks/use-call'
import { useCaseDetail } from '../../hooks/use-cases'
import { routeHref } from '../../routes'
import { CaseEvidence } from './CaseEvidence'
import { CaseHeader } from './CaseHeader'
import { CaseNotes } from './CaseNotes'

/** `#/cases/<id>`: one investigation, its notes beside its evidence. */
export function CasePage({ id }: { id: number }) {
  const detail = useCaseDetail(id)
  const workspace = useCall('workspace:info', {})
  const audit = useAuditCheck()
  const readOnly = workspace.data?.readOnly ?? false

  if (detail.error) {
    return (
      <div className="page case-page">
        <h1>Case #{id}</h1>
        {detail.error.code === 'not_found' ? (
          <EmptyState title={`No case #${id} in this workspace`}>
            <a href={routeHref('cases')}>Back to the cases</a>
          </EmptyState>
        ) : (
          <ErrorBanner error={detail.error} title="Could not load the case" onRetry={detail.reload} />
        )}
      </div>
    )
  }
  if (!detail.data) {
    return (
      <div className="page case-page">
        <h1>Case #{id}</h1>
        <Loading label={`Loading case #${id}`} lines={10} />
      </div>
    )
  }

  const data = detail.data
  return (
    <div className="page case-page">
      <CaseHeader
        item={data.case}
        auditHead={audit.data ? { hash: audit.data.headHash, ok: audit.data.ok } : undefined}
        auditError={audit.error}
        readOnly={readOnly}
      />
      <div className="case-grid">
        <CaseNotes caseId={id} notes={data.notes} readOnly={readOnly} />
        <CaseEvidence detail={data} timeZone={workspace.data?.timeZone} readOnly={readOnly} />
      </div>
    </div>
  )
}
