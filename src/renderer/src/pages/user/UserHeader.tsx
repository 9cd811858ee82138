import type { UserDetail } from '../../../../shared/scoring-schemas'
import { AddToCase } from '../../components/AddToCase'
import { ItemTags } from '../../components/ItemTags'
import { RiskBar } from '../../components/RiskBar'
import { RiskSeverityBadge } from '../../components/RiskSeverityBadge'
import { RiskTypes } from '../../components/RiskTypes'
import { formatCount } from '../../format'
import { routeHref } from '../../routes'

export interface UserHeaderProps {
  detail: UserDetail
  onSelectDay: (date: string) => void
}

/** Who the user is and how risky overall: the ranking's row, the directory entry, the summary. */
export function UserHeader({ detail, onSelectDay }: UserHeaderProps) {
  const { user, profile } = detail
  const directory = profile.directory
  const identity = [directory?.employeeName, directory?.role, directory?.department, directory?.team]
    .filter((part): part is string | number => part !== undefined && part !== '')
    .join(' · ')

  return (
    <header className="user-header">
      <div className="user-header-top">
        <div className="user-header-title">
          <a className="user-back" href={routeHref('users')}>
            ← Users
          </a>
          <h1>{user.user}</h1>
          <RiskSeverityBadge severity={user.severity} />
          {identity ? <span className="user-identity">{identity}</span> : null}
        </div>
        <div className="user-header-actions">
          <ItemTags target="user" item={user.user} subject={user.user} />
          <AddToCase evidence={{ kind: 'user', user: user.user }} label="Add to case" subject={user.user} />
        </div>
      </div>
      <dl className="user-kpis">
        <div>
          <dt>Risk</dt>
          <dd>
            <RiskBar risk={user.risk} severity={user.severity} />
          </dd>
        </div>
        <div>
          <dt>Peer group</dt>
          <dd>{user.peerGroup}</dd>
        </div>
        <div>
          <dt>First seen</dt>
          <dd>
            <time>{user.firstSeen}</time>
          </dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>
            <time>{user.lastSeen}</time>
          </dd>
        </div>
        <div>
          <dt>Scored days</dt>
          <dd>{formatCount(user.days)}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{formatCount(user.events)}</dd>
        </div>
        <div>
          <dt>Strongest day</dt>
          <dd>
            <button type="button" className="user-link-button" onClick={() => onSelectDay(user.topDate)}>
              {user.topDate}
            </button>
          </dd>
        </div>
      </dl>
      <div className="user-types">
        <span className="muted">Anomaly types</span> <RiskTypes types={user.types} />
      </div>
      <p className="user-summary">{user.summary}</p>
    </header>
  )
}
