import { useEffect, useId, useRef } from 'react'

export interface RulesJsonEditorProps {
  /** Names the rule in labels: its id, or "the new rule". */
  name: string
  /** Shown above the text: what is being edited. */
  title: string
  text: string
  onTextChange: (text: string) => void
  /** The engine's (or the JSON parser's) complaints about this rule. */
  problems: readonly string[]
  saveLabel: string
  busy: boolean
  onSave: () => void
  onCancel: () => void
}

/** A rule's JSON in a text area, with what is wrong with it listed right underneath. */
export function RulesJsonEditor({ name, title, text, onTextChange, problems, saveLabel, busy, onSave, onCancel }: RulesJsonEditorProps) {
  const id = useId()
  const area = useRef<HTMLTextAreaElement>(null)
  const lines = text.split('\n').length

  useEffect(() => {
    area.current?.focus()
  }, [])

  return (
    <form
      className="rules-editor"
      aria-label={`Edit ${name}`}
      onSubmit={(event) => {
        event.preventDefault()
        onSave()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onCancel()
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          onSave()
        }
      }}
    >
      <p className="rules-editor-title" aria-hidden="true">
        {title}
      </p>
      <label htmlFor={`${id}json`} className="visually-hidden">
        JSON of {name}
      </label>
      <textarea
        ref={area}
        id={`${id}json`}
        className="rules-json mono"
        value={text}
        rows={Math.min(24, Math.max(8, lines + 1))}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onTextChange(event.currentTarget.value)}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? `${id}problems` : `${id}help`}
      />
      {problems.length > 0 ? (
        <ul id={`${id}problems`} className="rules-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : (
        <p id={`${id}help`} className="hint">
          The engine checks the rule when you save: fields by kind, thresholds, technique (T1234 or T1234.001), anomaly types.
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Ctrl-Enter saves, Escape cancels.</span>
      </div>
    </form>
  )
}
