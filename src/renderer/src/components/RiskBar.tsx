import type { Severity } from '../../../shared/severity'

export interface RiskBarProps {
  /** 0–1. */
  risk: number
  severity: Severity
}

/** A short bar filled to the risk, in its severity's colour, with the figure beside it. */
export function RiskBar({ risk, severity }: RiskBarProps) {
  const share = Math.max(0, Math.min(1, risk))
  return (
    <span className="risk-bar">
      <span className="risk-bar-track" aria-hidden="true">
        <span className={`risk-bar-fill risk-fill-${severity}`} style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </span>
      <span className="risk-bar-value">{risk.toFixed(2)}</span>
    </span>
  )
}
