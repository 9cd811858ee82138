import { useMemo } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import type { ArgusError } from '../../../../shared/errors'
import type { ScoringPreviewSample } from '../../hooks/use-scoring-preview'
import type { DetectorWeights } from '../../hooks/use-scoring-settings'
import { formatCount } from '../../format'
import { countDays } from './weights'

export interface WeightsPreviewProps {
  sample: ScoringPreviewSample | undefined
  loading: boolean
  error: ArgusError | undefined
  onRetry: () => void
  saved: DetectorWeights
  edited: DetectorWeights
}

/** Medium-and-above and High days under the saved weights and under the edited ones, over a sample of users. */
export function WeightsPreview({ sample, loading, error, onRetry, saved, edited }: WeightsPreviewProps) {
  const before = useMemo(() => (sample ? countDays(sample.days, saved) : undefined), [sample, saved])
  const after = useMemo(() => (sample ? countDays(sample.days, edited) : undefined), [sample, edited])

  if (error) return <ErrorBanner title="Could not read the scored days for the preview" error={error} onRetry={onRetry} />
  if (!sample || !before || !after) return <Loading label="Reading the riskiest users’ scored days" lines={3} />
  if (sample.days.length === 0) return <p className="hint">No scored days yet: import logs and let scoring run to preview the weights.</p>

  const rows = [
    { label: 'Alerting days (risk ≥ 0.5)', before: before.alerting, after: after.alerting },
    { label: 'High days (risk ≥ 0.75)', before: before.high, after: after.high },
  ]
  return (
    <div className="weights-preview" aria-busy={loading}>
      <table className="weights-preview-table">
        <caption>
          Preview over the {sample.users} riskiest users ({formatCount(sample.days.length)} scored days)
        </caption>
        <thead>
          <tr>
            <th scope="col">Days</th>
            <th scope="col" className="numeric">
              Saved weights
            </th>
            <th scope="col" className="numeric">
              Edited weights
            </th>
            <th scope="col" className="numeric">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{formatCount(row.before)}</td>
              <td className="numeric">{formatCount(row.after)}</td>
              <td className="numeric weights-change" data-direction={Math.sign(row.after - row.before)}>
                {formatChange(row.after - row.before)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Risk here is the weighted sum of each day’s stored detector scores. The engine’s damping of repeatedly false-positive kinds and the alert
        percentile are not applied, and users outside the sample may cross the thresholds too.
      </p>
    </div>
  )
}

function formatChange(change: number): string {
  if (change === 0) return '±0'
  return change > 0 ? `+${formatCount(change)}` : `−${formatCount(-change)}`
}
