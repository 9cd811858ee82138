import { useId } from 'react'
import type { DetectorWeights } from '../../hooks/use-scoring-settings'
import { detectorInfo, detectors, weightShare } from './weights'

export interface WeightsEditorProps {
  weights: DetectorWeights
  onChange: (weights: DetectorWeights) => void
  disabled?: boolean
}

/** One slider and one number field per detector, with the share of the risk each would carry. */
export function WeightsEditor({ weights, onChange, disabled = false }: WeightsEditorProps) {
  const id = useId()
  function set(detector: keyof DetectorWeights, text: string): void {
    // An emptied field is 0 while typing, not NaN.
    const value = text.trim() === '' ? 0 : Number(text)
    onChange({ ...weights, [detector]: value })
  }
  return (
    <div className="weights-editor" role="group" aria-label="Detector weights">
      {detectors.map((detector) => {
        const share = weightShare(weights, detector)
        const weight = weights[detector]
        const invalid = !Number.isFinite(weight) || weight < 0
        return (
          <div key={detector} className="weights-row">
            <div className="weights-name">
              <label htmlFor={`${id}${detector}`}>{detectorInfo[detector].label}</label>
              <span className="weights-description">{detectorInfo[detector].description}</span>
            </div>
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0}
              onChange={(event) => set(detector, event.currentTarget.value)}
              disabled={disabled}
              aria-label={`${detectorInfo[detector].label} weight`}
              aria-valuetext={`${weight} (${formatShare(share)} of the risk)`}
            />
            <input
              id={`${id}${detector}`}
              className="weights-number numeric"
              type="number"
              min={0}
              step={0.01}
              value={Number.isFinite(weight) ? weight : ''}
              onChange={(event) => set(detector, event.currentTarget.value)}
              disabled={disabled}
              aria-invalid={invalid}
            />
            <div className="weights-share" title="Share of the risk after the weights are scaled to sum to 1">
              <div className="weights-share-track" aria-hidden="true">
                <div className="weights-share-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
              </div>
              <span className="numeric">{formatShare(share)}</span>
            </div>
          </div>
        )
      })}
    </div>
  )
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)} %`
}
