import type { Case } from '../../../../shared/case-schemas'
import type { ErrorShape } from '../../../../shared/errors'
import { shortHash } from '../../components/AuditBadge'
import { ErrorBanner } from '../../components/ErrorBanner'
import { formatCount, formatTimestamp } from '../../format'
import { useAction } from '../../hooks/use-action'
import { auditHref, routeHref } from '../../routes'
import { CaseExports } from './CaseExports'
import { CaseStatusBadge } from './CaseStatusBadge'
import { CaseTitle } from './CaseTitle'

export interface CaseHeaderProps {
  item: Case
  /** The audit chain's head, printed in reports too: what this view of the case can be checked against. */
  auditHead: { hash: string; ok: boolean } | undefined
  auditError: Pick<ErrorShape, 'code' | 'message'> | undefined
  readOnly: boolean
}

/** Title, status with close / reopen, who opened it and when, what it holds, exports and the audit head. */
export function CaseHeader({ item, auditHead, auditError, readOnly }: CaseHeaderProps) {
  const action = useAction()
  const next = item.status === 'open' ? 'closed' : 'open'
  const { counts } = item
  return (
    <header className="case-header">
      <a className="user-back" href={routeHref('cases')}>
        ← Cases
      </a>
      <div className="case-header-top">
        <CaseTitle key={item.title} id={item.id} title={item.title} readOnly={readOnly} />
        <CaseStatusBadge status={item.status} />
        {readOnly ? null : (
          <button type="button" className="button" disabled={action.pending} onClick={() => void action.run('cases:setStatus', { id: item.id, status: next })}>
            {item.status === 'open' ? 'Close case' : 'Reopen case'}
          </button>
        )}
      </div>
      {action.error ? <ErrorBanner title="Could not change the status" error={action.error} /> : null}
      <p className="case-meta muted">
        Case #{item.id} · opened by {item.author} on <time dateTime={formatTimestamp(item.createdAt)}>{formatTimestamp(item.createdAt)}</time>
        {item.closedAt === null ? '' : ` · closed ${formatTimestamp(item.closedAt)}`} · updated{' '}
        <time dateTime={formatTimestamp(item.updatedAt)}>{formatTimestamp(item.updatedAt)}</time>
      </p>
      <p className="case-counts">
        {formatCount(counts.users)} users · {formatCount(counts.alerts)} alerts · {formatCount(counts.events)} pinned events · {formatCount(counts.ranges)} ranges ·{' '}
        {formatCount(counts.notes)} notes
      </p>
      <div className="case-header-bottom">
        <CaseExports caseId={item.id} />
        <p className="case-audit" title={auditHead?.hash}>
          <a href={auditHref}>Audit head</a>{' '}
          {auditError ? (
            <span className="muted">unavailable ({auditError.message})</span>
          ) : auditHead ? (
            <>
              <code className="case-audit-hash">{shortHash(auditHead.hash)}</code>
              {auditHead.ok ? null : <span className="case-audit-broken"> chain broken</span>}
            </>
          ) : (
            <span className="muted">checking…</span>
          )}
        </p>
      </div>
    </header>
  )
}
