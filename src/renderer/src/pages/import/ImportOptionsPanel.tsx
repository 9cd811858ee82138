import { useId, useState } from 'react'
import { useCall } from '../../hooks/use-call'
import { optionProblems, useImportIntake, type ImportOptionsDraft } from '../../hooks/use-import-intake'

const noOptions: ImportOptionsDraft = { format: '', year: '', timeZone: '', mapping: '' }

/** Every IANA zone the browser knows, for the time zone field's suggestions. */
const timeZones: readonly string[] = Intl.supportedValuesOf('timeZone')

/** Format override, year and time zone: rarely needed, so folded away until asked for. */
export function ImportOptionsPanel() {
  const { options, setOptions } = useImportIntake()
  const formats = useCall('imports:formats', {})
  const workspace = useCall('workspace:info', {})
  const chosen = describeOptions(options)
  // Open from the start when options are already set: what applies to the next drop stays in view.
  const [initiallyOpen] = useState(chosen !== '')
  const problems = optionProblems(options)
  const id = useId()
  const ids = {
    format: `${id}format`,
    formatHelp: `${id}format-help`,
    year: `${id}year`,
    yearHelp: `${id}year-help`,
    zone: `${id}zone`,
    zoneHelp: `${id}zone-help`,
    zones: `${id}zones`,
    mapping: `${id}mapping`,
    mappingHelp: `${id}mapping-help`,
  }

  const change = (field: keyof ImportOptionsDraft) => (event: { currentTarget: { value: string } }) =>
    setOptions({ ...options, [field]: event.currentTarget.value })

  let formatHelp = 'Each file is recognised by its content; choose a format only when that goes wrong.'
  if (formats.error) formatHelp = `Formats could not be listed (${formats.error.message}).`
  else if (formats.data?.items.length === 0) formatHelp = 'No log formats are registered in this build yet.'

  return (
    <details className="import-options" open={initiallyOpen}>
      <summary>
        Advanced options
        <span className="muted">{chosen === '' ? ' — detect everything automatically' : ` — ${chosen}`}</span>
      </summary>
      <div className="import-options-body">
        <div className="field">
          <label htmlFor={ids.format}>Format</label>
          <select id={ids.format} value={options.format} onChange={change('format')} aria-describedby={ids.formatHelp}>
            <option value="">Detect automatically</option>
            {formats.data === undefined && !formats.error ? <option disabled>Loading formats…</option> : null}
            {formats.data?.items.map((format) => (
              <option key={format.name} value={format.name} title={format.description}>
                {format.name} — {format.description}
              </option>
            ))}
          </select>
          <p id={ids.formatHelp} className="field-help">
            {formatHelp}
            {formats.error ? (
              <>
                {' '}
                <button type="button" className="link-button" onClick={formats.reload}>
                  Retry
                </button>
              </>
            ) : null}
          </p>
        </div>
        {options.format.startsWith('generic-') ? (
          <div className="field">
            <label htmlFor={ids.mapping}>Field mapping</label>
            <input
              id={ids.mapping}
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder="ts=Time, user=Account, action=Event"
              value={options.mapping}
              onChange={change('mapping')}
              aria-invalid={problems.mapping !== undefined}
              aria-describedby={ids.mappingHelp}
            />
            <p id={ids.mappingHelp} className={problems.mapping ? 'field-help field-error' : 'field-help'}>
              {problems.mapping ??
                'Which column (or JSON path) holds each field; ts and action are required. Saved in the workspace; leave empty to reuse it.'}
            </p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.year}>Year</label>
          <input
            id={ids.year}
            type="text"
            inputMode="numeric"
            maxLength={4}
            placeholder="infer"
            value={options.year}
            onChange={change('year')}
            aria-invalid={problems.year !== undefined}
            aria-describedby={ids.yearHelp}
          />
          <p id={ids.yearHelp} className={problems.year ? 'field-help field-error' : 'field-help'}>
            {problems.year ?? 'For classic syslog lines, which carry no year.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.zone}>Time zone</label>
          <input
            id={ids.zone}
            type="text"
            list={ids.zones}
            spellCheck={false}
            autoComplete="off"
            placeholder={workspace.data?.timeZone ?? 'workspace default'}
            value={options.timeZone}
            onChange={change('timeZone')}
            aria-invalid={problems.timeZone !== undefined}
            aria-describedby={ids.zoneHelp}
          />
          <datalist id={ids.zones}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p id={ids.zoneHelp} className={problems.timeZone ? 'field-help field-error' : 'field-help'}>
            {problems.timeZone ?? 'For timestamps without an offset; the workspace’s zone when empty.'}
          </p>
        </div>
        <div className="import-options-actions">
          <button type="button" className="button button-quiet" disabled={chosen === ''} onClick={() => setOptions(noOptions)}>
            Reset to defaults
          </button>
          <span className="muted">Options apply to the next files you drop or choose.</span>
        </div>
      </div>
    </details>
  )
}

function describeOptions(options: ImportOptionsDraft): string {
  const parts: string[] = []
  if (options.format) parts.push(`format ${options.format}`)
  if (options.year.trim()) parts.push(`year ${options.year.trim()}`)
  if (options.timeZone.trim()) parts.push(`time zone ${options.timeZone.trim()}`)
  if (options.format.startsWith('generic-') && options.mapping.trim()) parts.push('field mapping')
  return parts.join(', ')
}
