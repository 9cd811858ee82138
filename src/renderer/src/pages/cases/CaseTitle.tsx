import { useId, useState, type FormEvent } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/use-action'

export interface CaseTitleProps {
  id: number
  title: string
  readOnly: boolean
}

/** The case's title as the page heading, with "Rename" turning it into a field. */
export function CaseTitle({ id, title, readOnly }: CaseTitleProps) {
  const inputId = useId()
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const action = useAction()

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (draft === undefined) return
    if (await action.run('cases:rename', { id, title: draft.trim() })) setDraft(undefined)
  }

  if (draft === undefined) {
    return (
      <div className="case-title">
        <h1>{title}</h1>
        {readOnly ? null : (
          <button type="button" className="button button-quiet" onClick={() => setDraft(title)}>
            Rename
          </button>
        )}
      </div>
    )
  }
  return (
    <form className="case-title" aria-label="Rename the case" onSubmit={(event) => void submit(event)}>
      <h1 className="visually-hidden">{title}</h1>
      <label className="visually-hidden" htmlFor={inputId}>
        Title
      </label>
      <input
        id={inputId}
        className="case-title-input"
        required
        maxLength={200}
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDraft(undefined)
        }}
      />
      <button type="submit" className="button button-primary" disabled={action.pending || draft.trim() === '' || draft.trim() === title}>
        {action.pending ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setDraft(undefined)}>
        Cancel
      </button>
      {action.error ? <ErrorBanner title="Could not rename the case" error={action.error} /> : null}
    </form>
  )
}
