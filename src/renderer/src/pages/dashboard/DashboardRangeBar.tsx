import type { ChangeEvent } from 'react'
import { alertsHref } from '../../hooks/use-alert-route'
import type { DashboardRange } from './dashboard-range'

export interface DashboardRangeBarProps {
  range: DashboardRange | null
  /** The first and last days with data, as the date inputs' bounds. */
  bounds: DashboardRange | undefined
  onChange: (range: DashboardRange | null) => void
}

/**
 * The span of days the panels below show: set by brushing the risk timeline, clicking a day of
 * event volume, or typing dates here (the keyboard's way to the same thing).
 */
export function DashboardRangeBar({ range, bounds, onChange }: DashboardRangeBarProps) {
  // Without alerts a day of event volume can still be chosen; with neither there is nothing to narrow.
  const limits = bounds ?? range
  if (!limits) return null
  const shown: DashboardRange = range ?? limits
  function edit(end: 'from' | 'to') {
    return (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.target.value
      if (value === '') return
      const next: DashboardRange = end === 'from' ? { from: value, to: shown.to } : { from: shown.from, to: value }
      onChange(next.from <= next.to ? next : { from: next.to, to: next.from })
    }
  }
  return (
    <div className="dashboard-range" role="group" aria-label="Days shown below">
      <span className="dashboard-range-label">{range ? 'Showing days' : 'Showing all days'}</span>
      <label>
        <span className="visually-hidden">From</span>
        <input type="date" value={shown.from} min={limits.from} max={limits.to} onChange={edit('from')} />
      </label>
      <span className="muted">to</span>
      <label>
        <span className="visually-hidden">To</span>
        <input type="date" value={shown.to} min={limits.from} max={limits.to} onChange={edit('to')} />
      </label>
      {range ? (
        <>
          <a href={alertsHref(range)}>Open these days&apos; alerts</a>
          <button type="button" className="button button-quiet" onClick={() => onChange(null)}>
            Show all days
          </button>
        </>
      ) : (
        <span className="muted dashboard-hint">Brush the risk timeline or click a day of event volume to narrow the panels below.</span>
      )}
    </div>
  )
}
