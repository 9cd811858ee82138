export interface RiskTypesProps {
  types: readonly string[]
  /** Show at most this many; the rest are counted ("+2"). */
  limit?: number
}

/** `after_hours` → `after hours`: anomaly types as an analyst reads them. */
export function anomalyTypeLabel(type: string): string {
  return type.replaceAll('_', ' ')
}

/** Anomaly types as small tags, strongest first as the scoring lists them. */
export function RiskTypes({ types, limit = types.length }: RiskTypesProps) {
  if (types.length === 0) return <span className="muted">none</span>
  const shown = types.slice(0, limit)
  const rest = types.length - shown.length
  return (
    <span className="risk-types" title={types.map(anomalyTypeLabel).join(', ')}>
      {shown.map((type) => (
        <span key={type} className="risk-type">
          {anomalyTypeLabel(type)}
        </span>
      ))}
      {rest > 0 ? <span className="risk-type-more">+{rest}</span> : null}
    </span>
  )
}
