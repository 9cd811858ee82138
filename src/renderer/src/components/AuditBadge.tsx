import type { AuditCheck } from '../../../shared/case-schemas'
import type { ErrorShape } from '../../../shared/errors'
import { auditHref } from '../routes'

export interface AuditBadgeProps {
  check: AuditCheck | undefined
  error: Pick<ErrorShape, 'code' | 'message'> | undefined
}

/** How many characters of a hash identify it at a glance; the audit page shows it whole. */
export const shortHashLength = 12

/** A hash cut to `shortHashLength`, as shown in badges and tables. */
export function shortHash(hash: string): string {
  return hash.slice(0, shortHashLength)
}

/**
 * The audit chain at a glance, in the top bar: green with the head hash when every entry checks
 * out, red naming the first entry that does not. Opens the audit trail.
 */
export function AuditBadge({ check, error }: AuditBadgeProps) {
  if (error) {
    return (
      <a className="audit-badge audit-badge-unknown" href={auditHref} title={`The audit trail could not be checked: ${error.message}`}>
        Audit: unchecked
      </a>
    )
  }
  if (!check) {
    return (
      <a className="audit-badge audit-badge-unknown" href={auditHref} aria-busy="true">
        Audit: checking…
      </a>
    )
  }
  if (!check.ok) {
    return (
      <a
        className="audit-badge audit-badge-broken"
        href={auditHref}
        title={`The audit chain breaks at entry #${check.brokenAt ?? '?'}: it was changed after it was written. Last good head ${check.headHash}`}
      >
        Audit broken at #{check.brokenAt ?? '?'}
      </a>
    )
  }
  return (
    <a className="audit-badge audit-badge-ok" href={auditHref} title={`All ${check.entries} audit entries check out; head hash ${check.headHash}`}>
      Audit ok <span className="mono">{shortHash(check.headHash)}</span>
    </a>
  )
}
