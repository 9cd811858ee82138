import type { Note, NoteRevision } from '../../../../shared/case-schemas'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Markdown } from '../../components/Markdown'
import { formatTimestamp } from '../../format'
import { useCallAfterChanges } from '../../hooks/use-changes'

/** Every version of a note, newest first, each with who wrote it and when. */
export function NoteHistory({ note }: { note: Note }) {
  // Asked again after every change, a new revision of this note among them.
  const history = useCallAfterChanges('cases:noteHistory', { noteId: note.id })
  if (history.error) return <ErrorBanner title="Could not load the note’s history" error={history.error} onRetry={history.reload} />
  if (!history.data) return <Loading label="Loading the note’s history" lines={2} />
  const revisions = withCurrent(history.data.items, note)
  return (
    <ol className="note-history" aria-label={`History of the note: ${revisions.length} revisions`} reversed>
      {revisions.map((revision) => (
        <li key={revision.revision} className="note-revision">
          <p className="note-meta">
            Revision {revision.revision} · {revision.author} · <time dateTime={formatTimestamp(revision.editedAt)}>{formatTimestamp(revision.editedAt)}</time>
          </p>
          <Markdown source={revision.body} />
        </li>
      ))}
    </ol>
  )
}

/** The revisions newest first, the current text included whether or not the engine lists it. */
function withCurrent(items: readonly NoteRevision[], note: Note): NoteRevision[] {
  const current: NoteRevision = { revision: note.revision, body: note.body, author: note.author, editedAt: note.updatedAt }
  const all = items.some((item) => item.revision === note.revision) ? [...items] : [...items, current]
  return all.sort((left, right) => right.revision - left.revision)
}
