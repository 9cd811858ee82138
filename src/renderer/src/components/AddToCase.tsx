import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Case, CaseEvidenceInput } from '../../../shared/case-schemas'
import { useAction } from '../hooks/use-action'
import { useOpenCases } from '../hooks/use-cases'
import { caseHref } from '../routes'
import { ErrorBanner } from './ErrorBanner'

export interface AddToCaseProps {
  evidence: CaseEvidenceInput
  /** The button's words: "Add to case", "Pin to case", "Assign to case". */
  label: string
  /** What is added, for the picker's name: "alice", "event #12". */
  subject: string
}

/**
 * A button that opens a small modal picker: choose an open case, or name a new one, and the
 * evidence is attached to it. Says where it went, with a link to the case.
 */
export function AddToCase({ evidence, label, subject }: AddToCaseProps) {
  const [open, setOpen] = useState(false)
  const [added, setAdded] = useState<Pick<Case, 'id' | 'title'> | undefined>(undefined)
  const button = useRef<HTMLButtonElement | null>(null)

  function close(): void {
    setOpen(false)
    button.current?.focus()
  }

  return (
    <span className="case-picker-anchor">
      <button ref={button} type="button" className="button" aria-expanded={open} onClick={() => setOpen((previous) => !previous)}>
        {label}
      </button>
      {added && !open ? (
        <span className="case-picker-done" role="status">
          Added to <a href={caseHref(added.id)}>{added.title}</a>
        </span>
      ) : null}
      {open ? (
        <CasePicker
          evidence={evidence}
          name={`${label}: ${subject}`}
          onDone={(target) => {
            setAdded(target)
            close()
          }}
          onCancel={close}
        />
      ) : null}
    </span>
  )
}

const newCase = 'new'

interface CasePickerProps {
  evidence: CaseEvidenceInput
  name: string
  onDone: (target: Pick<Case, 'id' | 'title'>) => void
  onCancel: () => void
}

function CasePicker({ evidence, name, onDone, onCancel }: CasePickerProps) {
  const id = useId()
  const cases = useOpenCases()
  const action = useAction()
  const [choice, setChoice] = useState<string | undefined>(undefined)
  const [title, setTitle] = useState('')
  const dialog = useRef<HTMLDialogElement | null>(null)
  const items = cases.data?.items ?? []
  const loading = cases.data === undefined && cases.error === undefined
  // The most recently changed open case is the likely one; with none open, a new one.
  const selected = choice ?? (items[0] ? String(items[0].id) : loading ? '' : newCase)

  // A modal <dialog> sits in the top layer: no scrolling panel around the button can clip it,
  // and the browser keeps focus inside and closes it on Escape.
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  // The case list starts disabled while it loads; the choice is the first thing to make.
  const select = useRef<HTMLSelectElement | null>(null)
  useEffect(() => {
    if (!loading) select.current?.focus()
  }, [loading])

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    let target: Pick<Case, 'id' | 'title'> | undefined = items.find((item) => String(item.id) === selected)
    if (selected === newCase) target = await action.run('cases:create', { title: title.trim() })
    if (!target) return
    const attached = await action.run('cases:attach', { caseId: target.id, evidence })
    if (attached) onDone(target)
  }

  return (
    <dialog
      ref={dialog}
      className="case-picker"
      aria-label={name}
      onClose={onCancel}
      // A click on the backdrop lands on the dialog itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) onCancel()
      }}
    >
      <form className="case-picker-form" onSubmit={(event) => void submit(event)}>
        <h2 className="case-picker-title">{name}</h2>
        {cases.error ? <ErrorBanner title="Could not list the open cases" error={cases.error} onRetry={cases.reload} /> : null}
        <label htmlFor={`${id}-case`}>Case</label>
        <select ref={select} id={`${id}-case`} value={selected} disabled={loading} onChange={(event) => setChoice(event.target.value)}>
          {loading ? <option value="">Loading the open cases…</option> : null}
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              #{item.id} {item.title}
            </option>
          ))}
          <option value={newCase}>New case…</option>
        </select>
        {selected === newCase ? (
          <>
            <label htmlFor={`${id}-title`}>Title of the new case</label>
            <input id={`${id}-title`} required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
          </>
        ) : null}
        {action.error ? <ErrorBanner title="Could not add it to the case" error={action.error} /> : null}
        <div className="case-picker-buttons">
          <button type="submit" className="button button-primary" disabled={loading || action.pending || (selected === newCase && title.trim() === '')}>
            {action.pending ? 'Adding…' : 'Add'}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
