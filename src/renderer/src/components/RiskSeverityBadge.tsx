import type { Severity } from '../../../shared/severity'

const labels: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' }

/** High / Medium / Low in the severity's colour; the word is always there, colour only repeats it. */
export function RiskSeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`risk-badge risk-badge-${severity}`}>{labels[severity]}</span>
}
