import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { ErrorShape } from '../../../../shared/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Markdown } from '../../components/Markdown'

export interface NoteEditorProps {
  /** The text to start from: empty for a new note, the current body when editing. */
  initial: string
  label: string
  saveLabel: string
  pending: boolean
  error: Pick<ErrorShape, 'code' | 'message'> | undefined
  /** Resolves true once saved, so a new note's field can be emptied. */
  onSave: (body: string) => Promise<boolean>
  onCancel?: () => void
}

/** A Markdown field with a preview; Ctrl/Cmd-Enter saves. */
export function NoteEditor({ initial, label, saveLabel, pending, error, onSave, onCancel }: NoteEditorProps) {
  const id = useId()
  const [body, setBody] = useState(initial)
  const [preview, setPreview] = useState(false)
  const unchanged = body.trim() === '' || body.trim() === initial.trim()

  async function save(): Promise<void> {
    if (unchanged || pending) return
    if (await onSave(body)) {
      setBody(initial)
      setPreview(false)
    }
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    void save()
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save()
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault()
      onCancel()
    }
  }

  return (
    <form className="note-editor" onSubmit={submit}>
      <div className="note-editor-bar">
        <label htmlFor={`${id}-body`}>{label}</label>
        <div className="risk-switch" role="group" aria-label="Write or preview">
          <button type="button" className="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" className="button" aria-pressed={preview} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
      </div>
      {preview ? (
        <div className="note-preview" aria-label="Preview">
          {body.trim() === '' ? <p className="muted">Nothing to preview.</p> : <Markdown source={body} />}
        </div>
      ) : (
        <textarea
          id={`${id}-body`}
          className="note-input"
          rows={Math.min(16, Math.max(4, body.split('\n').length + 1))}
          maxLength={100_000}
          placeholder="Markdown: # heading, - list, **bold**, *italic*, `code`"
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
      {error ? <ErrorBanner title="Could not save the note" error={error} /> : null}
      <div className="note-editor-buttons">
        <button type="submit" className="button button-primary" disabled={unchanged || pending}>
          {pending ? 'Saving…' : saveLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
