import type { Severity } from '../../../shared/severity'

const labels: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' }

export function severityLabel(severity: Severity): string {
  return labels[severity]
}

export interface SeverityBadgeProps {
  severity: Severity
}

/** The severity as a word and a colour: the word carries the meaning, the colour only helps scanning. */
export function SeverityBadge({ severity }: SeverityBadgeProps) {
  return <span className={`severity-badge severity-badge-${severity}`}>{labels[severity]}</span>
}
