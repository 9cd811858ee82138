import { AlertTypeChips } from '../../components/AlertTypeChips'
import { formatScore } from '../../components/AlertDetectors'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { SeverityBadge } from '../../components/SeverityBadge'
import { formatCount } from '../../format'
import { userHref } from '../../hooks/use-alert-route'
import type { TopUsersState } from '../../hooks/use-top-users'

export interface TopUsersPanelProps {
  users: TopUsersState
  /** Every scored user, for the link to the whole ranking; undefined while counted. */
  total: number | undefined
}

/** The head of the risk ranking; each entry opens the user's page. */
export function TopUsersPanel({ users, total }: TopUsersPanelProps) {
  const top = users.data?.items
  let body
  if (top === undefined && users.error) {
    body = <ErrorBanner title="Could not read the risk ranking" error={users.error} onRetry={users.reload} />
  } else if (top === undefined) {
    body = <Loading label="Loading the riskiest users" lines={6} />
  } else if (top.length === 0) {
    body = <EmptyState title="No users scored yet">Users are ranked once their imported days are scored.</EmptyState>
  } else {
    body = (
      <ol className="top-users">
        {top.map((user) => (
          <li key={user.user}>
            <a className="top-user" href={userHref(user.user)} title={user.summary}>
              <span className="top-user-name">{user.user}</span>
              <span className="top-user-bar" aria-hidden="true">
                <span className={`top-user-fill severity-fill-${user.severity}`} style={{ width: `${Math.min(1, user.risk) * 100}%` }} />
              </span>
              <span className="top-user-risk numeric">{formatScore(user.risk)}</span>
              <SeverityBadge severity={user.severity} />
              <span className="top-user-types">
                <AlertTypeChips types={user.types} limit={1} />
              </span>
              <span className="top-user-date muted">
                <time dateTime={user.topDate}>{user.topDate}</time>
              </span>
            </a>
          </li>
        ))}
      </ol>
    )
  }
  return (
    <Panel
      title="Top risky users"
      aside={
        total ? (
          <a className="dashboard-hint" href="#/users">
            all {formatCount(total)} users
          </a>
        ) : undefined
      }
    >
      {body}
    </Panel>
  )
}
