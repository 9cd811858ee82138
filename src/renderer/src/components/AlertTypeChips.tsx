/** `privilege_escalation` → `privilege escalation`: the engine's type ids, as an analyst reads them. */
export function alertTypeLabel(type: string): string {
  return type.replaceAll('_', ' ')
}

export interface AlertTypeChipsProps {
  types: readonly string[]
  /** Show at most this many, then "+N". */
  limit?: number
}

export function AlertTypeChips({ types, limit = types.length }: AlertTypeChipsProps) {
  const shown = types.slice(0, limit)
  const hidden = types.length - shown.length
  return (
    <span className="alert-type-chips">
      {shown.map((type) => (
        <span key={type} className="alert-type-chip">
          {alertTypeLabel(type)}
        </span>
      ))}
      {hidden > 0 ? (
        <span className="alert-type-chip alert-type-more" title={types.slice(limit).map(alertTypeLabel).join(', ')}>
          +{hidden}
        </span>
      ) : null}
    </span>
  )
}
