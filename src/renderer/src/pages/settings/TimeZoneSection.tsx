import { useId, useState, type FormEvent } from 'react'
import type { ApiOutput } from '../../../../shared/contract'
import type { ArgusError } from '../../../../shared/errors'
import { isTimeZone } from '../../../../shared/time-zone'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import type { CallState } from '../../hooks/use-call'
import type { ScoringSettingsControl } from '../../hooks/use-scoring-settings'
import { useWorkspaceSettings } from '../../hooks/use-workspace-settings'
import { RescoreNote } from './WeightsSection'

export interface TimeZoneSectionProps {
  workspace: CallState<ApiOutput<'workspace:info'>>
  scoring: ScoringSettingsControl
  readOnly: boolean
}

/** Every zone this system knows, offered while typing. */
const knownZones: readonly string[] = Intl.supportedValuesOf('timeZone')

/** The workspace's time zone (changing it rescores) and the year for syslog lines that carry none. */
export function TimeZoneSection({ workspace, scoring, readOnly }: TimeZoneSectionProps) {
  const id = useId()
  const settings = useWorkspaceSettings(workspace.reload)
  // The fields' text until saved; undefined while they show the saved values.
  const [zoneText, setZoneText] = useState<string | undefined>(undefined)
  const [yearText, setYearText] = useState<string | undefined>(undefined)
  const [saved, setSaved] = useState<'zone' | 'year' | undefined>(undefined)
  const [saveError, setSaveError] = useState<ArgusError | undefined>(undefined)
  const info = workspace.data

  if (workspace.error) return <Panel title="Time zone and year"><ErrorBanner title="Could not read the workspace" error={workspace.error} onRetry={workspace.reload} /></Panel>
  if (!info) return <Panel title="Time zone and year"><Loading label="Reading the workspace" lines={2} /></Panel>

  const zone = zoneText ?? info.timeZone
  const zoneValid = isTimeZone(zone.trim())
  const year = yearText ?? (info.defaultYear === null ? '' : String(info.defaultYear))
  const yearValue = year.trim() === '' ? null : Number(year)
  const yearValid = yearValue === null || (Number.isInteger(yearValue) && yearValue >= 1970 && yearValue <= 2100)
  const disabled = readOnly || settings.busy

  async function saveZone(): Promise<void> {
    const error = await scoring.rescoreAfter(() => settings.saveTimeZone(zone.trim()))
    finish(error, 'zone', () => setZoneText(undefined))
  }

  async function saveYear(): Promise<void> {
    const error = await settings.saveDefaultYear(yearValue)
    finish(error, 'year', () => setYearText(undefined))
  }

  function edit(change: () => void): void {
    setSaved(undefined)
    change()
  }

  function submit(work: () => Promise<void>): (event: FormEvent) => void {
    return (event) => {
      event.preventDefault()
      void work()
    }
  }

  function finish(error: ArgusError | undefined, what: 'zone' | 'year', reset: () => void): void {
    setSaveError(error)
    if (error) return
    reset()
    setSaved(what)
  }

  return (
    <Panel title="Time zone and year">
      <form className="settings-inline-form" aria-label="Workspace time zone" onSubmit={submit(saveZone)}>
        <div className="field">
          <label htmlFor={`${id}zone`}>Workspace time zone</label>
          <input id={`${id}zone`} list={`${id}zones`} value={zone} onChange={(event) => edit(() => setZoneText(event.currentTarget.value))} disabled={disabled} aria-invalid={!zoneValid} aria-describedby={`${id}zone-help`} spellCheck={false} />
          <datalist id={`${id}zones`}>
            {knownZones.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <p id={`${id}zone-help`} className={zoneValid ? 'field-help' : 'field-help field-error'}>
            {zoneValid ? 'Scored days are calendar days of this zone; saving it rescores every day.' : 'Not a time zone this system knows, e.g. Europe/Berlin or UTC.'}
          </p>
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={disabled || !zoneValid || zone.trim() === info.timeZone}>
            Save time zone
          </button>
          {saved === 'zone' ? <RescoreNote scoring={scoring} /> : null}
        </div>
      </form>
      <form className="settings-inline-form" aria-label="Default year" onSubmit={submit(saveYear)}>
        <div className="field">
          <label htmlFor={`${id}year`}>Default year</label>
          <input id={`${id}year`} type="number" min={1970} max={2100} step={1} placeholder="from each file’s date" value={year} onChange={(event) => edit(() => setYearText(event.currentTarget.value))} disabled={disabled} aria-invalid={!yearValid} aria-describedby={`${id}year-help`} />
          <p id={`${id}year-help`} className={yearValid ? 'field-help' : 'field-help field-error'}>
            {yearValid
              ? 'For syslog lines without a year (RFC 3164) in later imports that name none; empty: each file’s modification time decides.'
              : 'A year from 1970 to 2100, or empty.'}
          </p>
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={disabled || !yearValid || yearValue === info.defaultYear}>
            Save year
          </button>
          {saved === 'year' ? (
            <span className="settings-saved" role="status">
              Saved; later imports use it.
            </span>
          ) : null}
        </div>
      </form>
      {saveError ? <ErrorBanner title="The setting was not saved" error={saveError} /> : null}
      {readOnly ? <p className="hint">This workspace is open read-only.</p> : null}
    </Panel>
  )
}
