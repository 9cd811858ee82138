import type { AuditCheck } from '../../../../shared/case-schemas'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { Pager } from '../../components/Pager'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { useAuditCheck, useAuditLog } from '../../hooks/use-audit'
import { routeHref } from '../../routes'
import { AuditTable } from './AuditTable'

/** `#/cases/audit`: whether the chain holds, and every entry, newest first. */
export function AuditPage() {
  const check = useAuditCheck()
  const log = useAuditLog()

  let entries
  if (log.error && log.items.length === 0) {
    entries = <ErrorBanner error={log.error} title="Could not load the audit trail" onRetry={log.reload} />
  } else if (log.loading) {
    entries = <Loading label="Loading the audit trail" lines={8} />
  } else if (log.items.length === 0) {
    entries = <EmptyState title="No audit entries yet">Imports, verdicts, notes, tags, settings and exports are recorded here as they happen.</EmptyState>
  } else {
    entries = (
      <>
        <AuditTable entries={log.items} brokenAt={check.data?.brokenAt ?? null} />
        <Pager pager={log} rows="entries" />
        {log.error ? <ErrorBanner error={log.error} title="Could not load that page of entries" onRetry={log.reload} /> : null}
      </>
    )
  }

  return (
    <div className="page audit-page">
      <a className="user-back" href={routeHref('cases')}>
        ← Cases
      </a>
      <PageHeader
        title="Audit trail"
        description="Every import, verdict, note, tag, setting and export, append-only. Each entry carries the hash of the one before it, so an edited entry breaks the chain from there on."
      />
      <Panel
        title="Verification"
        aside={
          <button type="button" className="button" onClick={check.reload} disabled={check.loading}>
            {check.loading ? 'Checking…' : 'Verify again'}
          </button>
        }
      >
        {check.error ? (
          <ErrorBanner error={check.error} title="Could not verify the audit trail" onRetry={check.reload} />
        ) : check.data ? (
          <AuditVerdict check={check.data} />
        ) : (
          <Loading label="Verifying the audit trail" lines={2} />
        )}
      </Panel>
      <Panel title="Entries">{entries}</Panel>
    </div>
  )
}

function AuditVerdict({ check }: { check: AuditCheck }) {
  return (
    <dl className="facts">
      <dt>Chain</dt>
      <dd className={check.ok ? 'audit-ok' : 'audit-broken'} role="status">
        {check.ok ? `Intact: all ${formatCount(check.entries)} entries check out` : `Broken at entry #${check.brokenAt ?? '?'}: it was changed after it was written`}
      </dd>
      <dt>{check.ok ? 'Head hash' : 'Last good hash'}</dt>
      <dd className="mono">{check.headHash}</dd>
    </dl>
  )
}
