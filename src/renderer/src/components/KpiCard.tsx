import { formatCount } from '../format'

export interface KpiCardProps {
  label: string
  /** undefined shows "—": the figure does not exist yet, as opposed to zero. */
  value: number | undefined
  note?: string
  loading?: boolean
}

export function KpiCard({ label, value, note, loading = false }: KpiCardProps) {
  return (
    <div className="kpi-card" aria-busy={loading}>
      <dt className="kpi-label">{label}</dt>
      <dd className="kpi-value">
        {loading ? (
          <>
            <span className="skeleton-inline" aria-hidden="true" />
            <span className="visually-hidden">Loading</span>
          </>
        ) : value === undefined ? (
          '—'
        ) : (
          formatCount(value)
        )}
      </dd>
      {note === undefined ? null : <dd className="kpi-note">{note}</dd>}
    </div>
  )
}
