import type { ChangeEvent } from 'react'
import { alertTypeLabel } from '../../components/AlertTypeChips'
import { severityLabel } from '../../components/SeverityBadge'
import { alertStatuses, type AlertFilter } from '../../hooks/use-alert-route'
import { severities } from '../../../../shared/severity'

export interface AlertFiltersProps {
  filter: AlertFilter
  /** Anomaly types to offer (the playbook's); the current one is always offered. */
  types: readonly string[]
  onChange: (filter: AlertFilter) => void
}

const statusLabels = { open: 'Open', acknowledged: 'Acknowledged', closed: 'Closed' } as const

export function AlertFilters({ filter, types, onChange }: AlertFiltersProps) {
  const typeOptions = filter.type && !types.includes(filter.type) ? [filter.type, ...types] : types
  const active = Object.values(filter).some((value) => value !== undefined)

  function pick(key: 'severity' | 'type' | 'status') {
    return (event: ChangeEvent<HTMLSelectElement>) => onChange(withValue(filter, key, event.target.value))
  }

  return (
    <div className="alert-filters" role="group" aria-label="Filter alerts">
      <label className="alert-filter">
        <span>Severity</span>
        <select value={filter.severity ?? ''} onChange={pick('severity')}>
          <option value="">High and Medium</option>
          {severities.map((severity) => (
            <option key={severity} value={severity}>
              {severity === 'low' ? 'Low (no longer scoring)' : severityLabel(severity)}
            </option>
          ))}
        </select>
      </label>
      <label className="alert-filter">
        <span>Type</span>
        <select value={filter.type ?? ''} onChange={pick('type')}>
          <option value="">All types</option>
          {typeOptions.map((type) => (
            <option key={type} value={type}>
              {alertTypeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label className="alert-filter">
        <span>Status</span>
        <select value={filter.status ?? ''} onChange={pick('status')}>
          <option value="">Any status</option>
          {alertStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      {filter.user === undefined ? null : (
        <FilterChip label={`User ${filter.user}`} onRemove={() => onChange({ ...filter, user: undefined })} />
      )}
      {filter.from === undefined && filter.to === undefined ? null : (
        <FilterChip
          label={`Days ${filter.from ?? '…'} to ${filter.to ?? '…'}`}
          onRemove={() => onChange({ ...filter, from: undefined, to: undefined })}
        />
      )}
      {active ? (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  )
}

function FilterChip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <span className="alert-filter-chip">
      {label}
      <button type="button" className="alert-filter-chip-remove" onClick={onRemove} aria-label={`Remove filter: ${label}`}>
        ×
      </button>
    </span>
  )
}

function withValue(filter: AlertFilter, key: 'severity' | 'type' | 'status', value: string): AlertFilter {
  // The select offers only valid values; the URL parser checks them again on the way back in.
  return { ...filter, [key]: value === '' ? undefined : value } as AlertFilter
}
