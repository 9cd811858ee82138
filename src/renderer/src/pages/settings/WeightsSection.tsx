import { useState } from 'react'
import type { ArgusError } from '../../../../shared/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { useScoringPreview } from '../../hooks/use-scoring-preview'
import type { DetectorWeights, ScoringSettingsControl } from '../../hooks/use-scoring-settings'
import { defaultWeights, sameWeights, weightsProblem } from './weights'
import { WeightsEditor } from './WeightsEditor'
import { WeightsPreview } from './WeightsPreview'

export interface WeightsSectionProps {
  scoring: ScoringSettingsControl
  readOnly: boolean
}

/** The five detector weights, with a preview of how many days they would alert on. */
export function WeightsSection({ scoring, readOnly }: WeightsSectionProps) {
  const preview = useScoringPreview()
  // Edits not saved yet; undefined while the form shows the saved weights.
  const [edited, setEdited] = useState<DetectorWeights | undefined>(undefined)
  const [savedNow, setSavedNow] = useState(false)
  const [saveError, setSaveError] = useState<ArgusError | undefined>(undefined)
  const saved = scoring.settings?.weights

  if (scoring.loadError) return <Panel title="Detector weights"><ErrorBanner title="Could not read the scoring settings" error={scoring.loadError} onRetry={scoring.reload} /></Panel>
  if (!saved) return <Panel title="Detector weights"><Loading label="Reading the scoring settings" lines={5} /></Panel>

  const weights = edited ?? saved
  const dirty = !sameWeights(weights, saved)
  const problem = weightsProblem(weights)

  function change(next: DetectorWeights): void {
    setSavedNow(false)
    setEdited(next)
  }

  async function save(): Promise<void> {
    const error = await scoring.saveWeights(weights)
    setSaveError(error)
    if (error) return
    setEdited(undefined)
    setSavedNow(true)
  }

  return (
    <Panel title="Detector weights" aside={dirty ? <span className="settings-unsaved">Unsaved changes</span> : null}>
      <p className="hint">A day’s risk is the weighted sum of the five detectors’ scores, with the weights scaled to add up to 1.</p>
      <WeightsEditor weights={weights} onChange={change} disabled={readOnly || scoring.busy} />
      <div className="settings-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={readOnly || !dirty || problem !== undefined || scoring.busy}>
          {scoring.busy ? 'Saving…' : 'Save weights'}
        </button>
        <button type="button" className="button" onClick={() => change(defaultWeights)} disabled={readOnly || sameWeights(weights, defaultWeights)}>
          Reset to defaults
        </button>
        <button type="button" className="button button-quiet" onClick={() => change(saved)} disabled={!dirty}>
          Discard changes
        </button>
        {problem ? <span className="field-error">{problem}</span> : null}
        {readOnly ? <span className="hint">This workspace is open read-only.</span> : null}
        {savedNow && !dirty ? <RescoreNote scoring={scoring} /> : null}
      </div>
      {saveError ? <ErrorBanner title="The weights were not saved" error={saveError} /> : null}
      <WeightsPreview sample={preview.sample} loading={preview.loading} error={preview.error} onRetry={preview.reload} saved={saved} edited={weights} />
    </Panel>
  )
}

/** What the engine is doing with the change just saved. */
export function RescoreNote({ scoring }: { scoring: ScoringSettingsControl }) {
  const { rescore } = scoring
  let text = 'Saved; rescoring shortly…'
  if (rescore.state === 'running') text = `Saved; rescoring: ${rescore.stage}…`
  else if (rescore.state === 'finished') text = `Saved and rescored: ${rescore.summary.alerts.toLocaleString()} alerts over ${rescore.summary.userDays.toLocaleString()} user-days.`
  return (
    <span className="settings-saved" role="status">
      {text}
    </span>
  )
}
