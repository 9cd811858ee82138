import type { UserRisk } from '../../../shared/scoring-schemas'
import { formatCount } from '../format'
import { RiskBar } from './RiskBar'
import { RiskSeverityBadge } from './RiskSeverityBadge'
import { RiskTypes } from './RiskTypes'

export interface UserRiskCardProps {
  id: string
  rank: number
  user: UserRisk
  selected: boolean
  onOpen: () => void
}

/** One ranked user as a card tinted by severity: an option of the cards listbox. */
export function UserRiskCard({ id, rank, user, selected, onOpen }: UserRiskCardProps) {
  return (
    <div id={id} role="option" aria-selected={selected} className={`user-card user-card-${user.severity}`} onClick={onOpen}>
      <div className="user-card-head">
        <span className="user-card-rank">#{rank}</span>
        <span className="user-card-name">{user.user}</span>
        <RiskSeverityBadge severity={user.severity} />
      </div>
      <RiskBar risk={user.risk} severity={user.severity} />
      <div className="user-card-meta">
        {user.peerGroup} · {formatCount(user.days)} days · last seen {user.lastSeen}
      </div>
      <RiskTypes types={user.types} limit={3} />
      <p className="user-card-summary" title={user.summary}>
        {user.summary}
      </p>
    </div>
  )
}
