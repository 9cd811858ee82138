import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { useCall } from '../../hooks/use-call'
import { formatCount } from '../../format'
import { ImportsTable } from './ImportsTable'

const pageSize = 200

export function ImportPage() {
  const imports = useCall('imports:list', { limit: pageSize })

  let body
  if (imports.error) {
    body = <ErrorBanner title="Could not list imports" error={imports.error} onRetry={imports.reload} />
  } else if (imports.data === undefined) {
    body = <Loading label="Loading imports" lines={4} />
  } else if (imports.data.items.length === 0) {
    body = (
      <EmptyState title="No imports yet.">
        Log import (drag-and-drop, archives, syslog) is not available yet in this build —{' '}
        <code>argus analyze</code> will bring it.
      </EmptyState>
    )
  } else {
    body = (
      <>
        <ImportsTable imports={imports.data.items} />
        {imports.data.nextCursor === null ? null : (
          <p className="table-footer muted">The latest {formatCount(pageSize)} imports are shown.</p>
        )}
      </>
    )
  }

  return (
    <div className="page">
      <PageHeader title="Import" />
      {body}
    </div>
  )
}
