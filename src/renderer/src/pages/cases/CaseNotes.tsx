import { useState } from 'react'
import type { Note } from '../../../../shared/case-schemas'
import { EmptyState } from '../../components/EmptyState'
import { Markdown } from '../../components/Markdown'
import { Panel } from '../../components/Panel'
import { formatTimestamp } from '../../format'
import { useAction } from '../../hooks/use-action'
import { NoteEditor } from './NoteEditor'
import { NoteHistory } from './NoteHistory'

export interface CaseNotesProps {
  caseId: number
  notes: readonly Note[]
  readOnly: boolean
}

/** The case's notes, oldest first like a journal, and a field for the next one. */
export function CaseNotes({ caseId, notes, readOnly }: CaseNotesProps) {
  const action = useAction()
  return (
    <Panel title="Notes" aside={<span className="muted">{notes.length}</span>}>
      <div className="case-notes">
        {notes.length === 0 ? (
          <EmptyState title="No notes yet">What was found, what was ruled out, what to do next: notes are kept with every revision.</EmptyState>
        ) : (
          <ol className="note-list" aria-label="Notes">
            {notes.map((note) => (
              <NoteItem key={note.id} note={note} readOnly={readOnly} />
            ))}
          </ol>
        )}
        {readOnly ? null : (
          <NoteEditor
            initial=""
            label="New note"
            saveLabel="Add note"
            pending={action.pending}
            error={action.error}
            onSave={async (body) => (await action.run('cases:addNote', { caseId, body })) !== undefined}
          />
        )}
      </div>
    </Panel>
  )
}

function NoteItem({ note, readOnly }: { note: Note; readOnly: boolean }) {
  const [editing, setEditing] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const action = useAction()

  return (
    <li className="note" data-note-id={note.id}>
      <header className="note-meta">
        <span>
          {note.author} · <time dateTime={formatTimestamp(note.createdAt)}>{formatTimestamp(note.createdAt)}</time>
          {note.revision > 1 ? (
            <>
              {' '}
              · edited <time dateTime={formatTimestamp(note.updatedAt)}>{formatTimestamp(note.updatedAt)}</time> (revision {note.revision})
            </>
          ) : null}
        </span>
        <span className="note-actions">
          {note.revision > 1 ? (
            <button type="button" className="button button-quiet" aria-expanded={showHistory} onClick={() => setShowHistory((previous) => !previous)}>
              History
            </button>
          ) : null}
          {readOnly || editing ? null : (
            <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
        </span>
      </header>
      {editing ? (
        <NoteEditor
          initial={note.body}
          label="Edit note"
          saveLabel="Save"
          pending={action.pending}
          error={action.error}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            const saved = await action.run('cases:editNote', { noteId: note.id, body })
            if (saved) setEditing(false)
            return saved !== undefined
          }}
        />
      ) : (
        <Markdown source={note.body} />
      )}
      {showHistory ? <NoteHistory note={note} /> : null}
    </li>
  )
}
