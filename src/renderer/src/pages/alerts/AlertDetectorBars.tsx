import type { ScoredDayRow } from '../../../../shared/scoring-schemas'
import { alertDetectors, formatScore } from '../../components/AlertDetectors'
import { severityOf } from '../../../../shared/severity'

export interface AlertDetectorBarsProps {
  detectors: ScoredDayRow['detectors']
}

/** Each detector's 0–1 score for the day as a bar, coloured by the severity that score alone would give. */
export function AlertDetectorBars({ detectors }: AlertDetectorBarsProps) {
  return (
    <dl className="detector-bars">
      {alertDetectors.map(({ id, label }) => {
        const score = Math.min(1, Math.max(0, detectors[id]))
        return (
          <div key={id} className="detector-bar-row">
            <dt>{label}</dt>
            <dd>
              <span className="detector-bar-track" aria-hidden="true">
                <span className={`detector-bar-fill severity-fill-${severityOf(score)}`} style={{ width: `${score * 100}%` }} />
              </span>
              <span className="detector-bar-value numeric">{formatScore(detectors[id])}</span>
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
