import { formatCount } from '../format'

export interface KpiLinkCardProps {
  label: string
  /** undefined shows "—": the figure does not exist (yet), as opposed to zero. */
  value: number | undefined
  /** The list the figure counts. */
  href?: string
  note?: string
  loading?: boolean
  /** A colour for the figure: a severity or a state. */
  tone?: 'high' | 'medium' | 'low'
}

/** A key figure that opens the list it counts (a KpiCard with a link). */
export function KpiLinkCard({ label, value, href, note, loading = false, tone }: KpiLinkCardProps) {
  const figure = value === undefined ? '—' : formatCount(value)
  return (
    <div className={`kpi-card${tone ? ` kpi-card-${tone}` : ''}`} aria-busy={loading}>
      <dt className="kpi-label">{label}</dt>
      <dd className="kpi-value">
        {loading && value === undefined ? (
          <>
            <span className="skeleton-inline" aria-hidden="true" />
            <span className="visually-hidden">Loading</span>
          </>
        ) : href ? (
          <a className="kpi-link" href={href} aria-label={`${figure} ${label.toLowerCase()}: open the list`}>
            {figure}
          </a>
        ) : (
          figure
        )}
      </dd>
      {note === undefined ? null : <dd className="kpi-note">{note}</dd>}
    </div>
  )
}
