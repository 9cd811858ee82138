import { useEffect, useEffectEvent, useId, useState } from 'react'
import { severities } from '../../../../shared/severity'
import { anomalyTypeLabel } from '../../components/RiskTypes'
import type { RiskyUsersFilter } from '../../hooks/use-risky-users'
import { parseSeverity, type UsersView } from './users-query'

export interface UsersFiltersProps {
  filter: RiskyUsersFilter
  onFilterChange: (filter: RiskyUsersFilter) => void
  /** Anomaly types to offer. */
  types: readonly string[]
  /** Peer groups to offer. */
  peerGroups: readonly string[]
  view: UsersView
  onViewChange: (view: UsersView) => void
}

/** Typing pauses this long before the ranking is asked again. */
const searchDelayMs = 250

const severityLabels = { high: 'High', medium: 'Medium', low: 'Low' } as const

/** The ranking's filters (severity, anomaly type, peer group, name) and the table / cards switch. */
export function UsersFilters({ filter, onFilterChange, types, peerGroups, view, onViewChange }: UsersFiltersProps) {
  const id = useId()
  const [search, setSearch] = useState(filter.search ?? '')
  const applySearch = useEffectEvent((text: string) => {
    const trimmed = text.trim()
    if (trimmed !== (filter.search ?? '')) onFilterChange({ ...filter, search: trimmed === '' ? undefined : trimmed })
  })
  useEffect(() => {
    const timer = setTimeout(() => applySearch(search), searchDelayMs)
    return () => clearTimeout(timer)
  }, [search])

  function change(update: Partial<RiskyUsersFilter>): void {
    onFilterChange({ ...filter, ...update })
  }
  // The selected value stays offered even before a page containing it has loaded.
  const groupOptions = filter.peerGroup && !peerGroups.includes(filter.peerGroup) ? [filter.peerGroup, ...peerGroups] : peerGroups
  const typeOptions = filter.type && !types.includes(filter.type) ? [filter.type, ...types] : types

  return (
    <div className="users-filters" role="search" aria-label="Filter the ranking">
      <label className="users-filter" htmlFor={`${id}-search`}>
        Name
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search users"
          value={search}
          maxLength={256}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label className="users-filter" htmlFor={`${id}-severity`}>
        Severity
        <select
          id={`${id}-severity`}
          value={filter.severity ?? ''}
          onChange={(event) => change({ severity: parseSeverity(event.target.value) })}
        >
          <option value="">Any</option>
          {severities.map((severity) => (
            <option key={severity} value={severity}>
              {severityLabels[severity]}
            </option>
          ))}
        </select>
      </label>
      <label className="users-filter" htmlFor={`${id}-type`}>
        Anomaly type
        <select id={`${id}-type`} value={filter.type ?? ''} onChange={(event) => change({ type: event.target.value || undefined })}>
          <option value="">Any</option>
          {typeOptions.map((type) => (
            <option key={type} value={type}>
              {anomalyTypeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label className="users-filter" htmlFor={`${id}-peer`} title="Peer groups of the users loaded so far">
        Peer group
        <select
          id={`${id}-peer`}
          value={filter.peerGroup ?? ''}
          onChange={(event) => change({ peerGroup: event.target.value || undefined })}
        >
          <option value="">Any</option>
          {groupOptions.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </select>
      </label>
      <div className="risk-switch" role="group" aria-label="Show as">
        {(['table', 'cards'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="button"
            aria-pressed={view === option}
            onClick={() => onViewChange(option)}
          >
            {option === 'table' ? 'Table' : 'Cards'}
          </button>
        ))}
      </div>
    </div>
  )
}
