import { useId, useState, type FormEvent } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/use-action'
import { navigateToCase } from '../../hooks/use-route'

/** A title and "New case": the case is created and opened. */
export function NewCaseForm({ disabled }: { disabled: boolean }) {
  const id = useId()
  const [title, setTitle] = useState('')
  const action = useAction()

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const created = await action.run('cases:create', { title: title.trim() })
    if (created) navigateToCase(created.id)
  }

  return (
    <form className="case-new" aria-label="New case" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        placeholder="What is being investigated"
        required
        maxLength={200}
        value={title}
        disabled={disabled}
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={disabled || action.pending || title.trim() === ''}>
        {action.pending ? 'Creating…' : 'New case'}
      </button>
      {action.error ? <ErrorBanner title="Could not create the case" error={action.error} /> : null}
    </form>
  )
}
