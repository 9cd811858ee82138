import { useId, useState } from 'react'
import type { ArgusError } from '../../../../shared/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import type { ScoringSettingsControl } from '../../hooks/use-scoring-settings'
import { RescoreNote } from './WeightsSection'

export interface AlertThresholdSectionProps {
  scoring: ScoringSettingsControl
  readOnly: boolean
}

const minimum = 0.5
const maximum = 0.9999

/** Alert on every Medium-or-High day, or only on the riskiest share of all days. */
export function AlertThresholdSection({ scoring, readOnly }: AlertThresholdSectionProps) {
  const id = useId()
  // The form's text, until saved; undefined while it shows the saved setting.
  const [draft, setDraft] = useState<{ on: boolean; text: string } | undefined>(undefined)
  const [savedNow, setSavedNow] = useState(false)
  const [saveError, setSaveError] = useState<ArgusError | undefined>(undefined)
  const settings = scoring.settings

  if (scoring.loadError) return <Panel title="Alert threshold"><ErrorBanner title="Could not read the scoring settings" error={scoring.loadError} onRetry={scoring.reload} /></Panel>
  if (!settings) return <Panel title="Alert threshold"><Loading label="Reading the scoring settings" lines={2} /></Panel>

  const saved = settings.alertPercentile
  const form = draft ?? { on: saved !== null, text: String(saved ?? 0.99) }
  const value = Number(form.text)
  const valid = !form.on || (form.text.trim() !== '' && Number.isFinite(value) && value >= minimum && value <= maximum)
  const next = form.on ? value : null
  const dirty = next !== saved
  const disabled = readOnly || scoring.busy

  function change(update: Partial<typeof form>): void {
    setSavedNow(false)
    setDraft({ ...form, ...update })
  }

  async function save(): Promise<void> {
    if (!valid) return
    const error = await scoring.saveAlertPercentile(next)
    setSaveError(error)
    if (error) return
    setDraft(undefined)
    setSavedNow(true)
  }

  return (
    <Panel title="Alert threshold" aside={dirty && valid ? <span className="settings-unsaved">Unsaved changes</span> : null}>
      <form
        className="threshold-form"
        aria-label="Alert threshold"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <fieldset className="threshold-choices" disabled={disabled}>
          <legend className="visually-hidden">When to raise an alert</legend>
          <label className="radio">
            <input type="radio" name={`${id}mode`} checked={!form.on} onChange={() => change({ on: false })} />
            Every day at Medium risk or above (≥ 0.5)
          </label>
          <label className="radio">
            <input type="radio" name={`${id}mode`} checked={form.on} onChange={() => change({ on: true })} />
            Only days that are also in the top share of all days’ risk
          </label>
        </fieldset>
        <div className="field threshold-field">
          <label htmlFor={`${id}percentile`}>Percentile</label>
          <input
            id={`${id}percentile`}
            type="number"
            min={minimum}
            max={maximum}
            step={0.001}
            value={form.text}
            onChange={(event) => change({ text: event.currentTarget.value })}
            disabled={disabled || !form.on}
            aria-invalid={!valid}
            aria-describedby={`${id}help`}
          />
          <p id={`${id}help`} className={valid ? 'field-help' : 'field-help field-error'}>
            {!form.on
              ? 'Off: no percentile cut.'
              : valid
                ? `Alerts only for the riskiest ${formatTopShare(value)} of scored days.`
                : `A number from ${minimum} to ${maximum}.`}
          </p>
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={disabled || !dirty || !valid}>
            Save threshold
          </button>
          <button type="button" className="button button-quiet" onClick={() => setDraft(undefined)} disabled={draft === undefined}>
            Discard changes
          </button>
          {savedNow && !dirty ? <RescoreNote scoring={scoring} /> : null}
        </div>
        {saveError ? <ErrorBanner title="The threshold was not saved" error={saveError} /> : null}
      </form>
    </Panel>
  )
}

function formatTopShare(percentile: number): string {
  const share = (1 - percentile) * 100
  return `${Number(share.toPrecision(3))} %`
}
