import { useId, useRef, type ChangeEvent } from 'react'

export interface DropZoneProps {
  /** Files are being dragged over the window; the whole window takes the drop. */
  dragging: boolean
  /** Why nothing can be imported (a read-only workspace); undefined when it can. */
  disabledReason: string | undefined
  onFiles: (files: readonly File[]) => void
}

/**
 * Where to drop or choose logs. The drop itself is handled for the whole window (see
 * useWindowDrop), so a drop just beside the zone works the same.
 */
export function DropZone({ dragging, disabledReason, onFiles }: DropZoneProps) {
  const hintId = useId()
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const disabled = disabledReason !== undefined

  function choose(event: ChangeEvent<HTMLInputElement>): void {
    const files = Array.from(event.currentTarget.files ?? [])
    // Cleared so choosing the same file again is a change too.
    event.currentTarget.value = ''
    if (files.length > 0) onFiles(files)
  }

  return (
    <section
      className={dragging && !disabled ? 'drop-zone drop-zone-active' : 'drop-zone'}
      aria-label="Import logs"
      aria-describedby={hintId}
    >
      <span className="drop-icon" aria-hidden="true" />
      <p className="drop-zone-title">{dragging ? 'Drop to import' : 'Drop log files, folders or archives here'}</p>
      <p id={hintId} className="drop-zone-hint">
        {disabledReason ?? 'or anywhere in the window. Plain and gzip-compressed logs, .zip, .tar and .tar.gz archives.'}
      </p>
      <div className="drop-zone-actions">
        <button type="button" className="button" disabled={disabled} onClick={() => filesInput.current?.click()}>
          Choose files…
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => folderInput.current?.click()}>
          Choose folder…
        </button>
      </div>
      <input ref={filesInput} type="file" multiple hidden tabIndex={-1} onChange={choose} />
      <input ref={folderInput} type="file" multiple hidden tabIndex={-1} onChange={choose} {...folderAttributes} />
    </section>
  )
}

// Not in React's types: picking a folder lists every file in it with its relative path.
const folderAttributes = { webkitdirectory: '' }
