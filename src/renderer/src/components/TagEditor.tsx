import { useId, useState, type FormEvent } from 'react'
import type { ErrorShape } from '../../../shared/errors'

export interface TagEditorProps {
  tags: readonly string[]
  /** What the tags are on, for labels: "alice", "event #12". */
  subject: string
  pending?: boolean
  error?: Pick<ErrorShape, 'code' | 'message'> | undefined
  /** Absent in a read-only view: the tags are shown without controls. */
  onAdd?: (tag: string) => void
  onRemove?: (tag: string) => void
}

/** Tags as small chips with a remove button each, and a field that adds one on Enter. */
export function TagEditor({ tags, subject, pending = false, error, onAdd, onRemove }: TagEditorProps) {
  const id = useId()
  const [draft, setDraft] = useState('')

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    const tag = draft.trim()
    if (tag === '' || !onAdd) return
    if (!tags.includes(tag)) onAdd(tag)
    setDraft('')
  }

  return (
    <div className="tag-editor" role="group" aria-label={`Tags of ${subject}`}>
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
          {onRemove ? (
            <button type="button" className="tag-remove" aria-label={`Remove tag ${tag} from ${subject}`} disabled={pending} onClick={() => onRemove(tag)}>
              ×
            </button>
          ) : null}
        </span>
      ))}
      {onAdd ? (
        <form className="tag-add" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`${id}-tag`}>
            Add a tag to {subject}
          </label>
          <input
            id={`${id}-tag`}
            className="tag-input"
            placeholder="+ tag"
            maxLength={64}
            value={draft}
            disabled={pending}
            onChange={(event) => setDraft(event.target.value)}
          />
        </form>
      ) : tags.length === 0 ? (
        <span className="muted">no tags</span>
      ) : null}
      {error ? (
        <span className="tag-error" role="alert" title={error.message}>
          {error.code}: {error.message}
        </span>
      ) : null}
    </div>
  )
}
