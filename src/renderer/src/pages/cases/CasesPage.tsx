import { useId, useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { Pager } from '../../components/Pager'
import { useCall } from '../../hooks/use-call'
import { caseStatuses, useCaseList, type CaseStatus } from '../../hooks/use-cases'
import { navigateToCase, replaceRouteQuery, useRouteQuery } from '../../hooks/use-route'
import { auditHref } from '../../routes'
import { CasesTable } from './CasesTable'
import { NewCaseForm } from './NewCaseForm'

function parseStatus(value: string | undefined): CaseStatus | undefined {
  return caseStatuses.find((status) => status === value)
}

/** `#/cases[?status=open]`: every investigation, a new one, and the way to the audit trail. */
export function CasesPage() {
  const id = useId()
  const query = useRouteQuery()
  // The address holds the filter the screen was opened with; from then on the screen owns it.
  const [status, setStatus] = useState(() => parseStatus(query.status))
  const cases = useCaseList(status)
  const workspace = useCall('workspace:info', {})
  const readOnly = workspace.data?.readOnly ?? false

  function filter(next: CaseStatus | undefined): void {
    setStatus(next)
    replaceRouteQuery({ status: next })
  }

  let list
  if (cases.error && cases.items.length === 0) {
    list = <ErrorBanner error={cases.error} title="Could not load the cases" onRetry={cases.reload} />
  } else if (cases.loading) {
    list = <Loading label="Loading the cases" lines={6} />
  } else if (cases.items.length === 0) {
    list =
      status === undefined ? (
        <EmptyState title="No cases yet">
          Open one here, or with “Add to case” on a user’s page or an alert: a case collects the users, alerts, events and time ranges
          of one investigation, with notes beside them.
        </EmptyState>
      ) : (
        <EmptyState title={`No ${status} cases`}>Show all cases to see the others.</EmptyState>
      )
  } else {
    list = (
      <>
        <CasesTable cases={cases.items} onOpen={navigateToCase} />
        <Pager pager={cases} rows="cases" />
        {cases.error ? <ErrorBanner error={cases.error} title="Could not load that page of cases" onRetry={cases.reload} /> : null}
      </>
    )
  }

  return (
    <div className="page cases-page">
      <PageHeader
        title="Cases"
        description={
          <>
            Investigations: evidence, notes and tags, every change written to the <a href={auditHref}>audit trail</a>.
          </>
        }
      />
      <div className="cases-toolbar">
        <NewCaseForm disabled={readOnly} />
        <label className="cases-filter" htmlFor={`${id}-status`}>
          Status
          <select id={`${id}-status`} value={status ?? ''} onChange={(event) => filter(parseStatus(event.target.value))}>
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </label>
      </div>
      {list}
    </div>
  )
}
