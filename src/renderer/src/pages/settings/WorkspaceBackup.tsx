import { useId, useState, type FormEvent } from 'react'
import type { ApiOutput } from '../../../../shared/contract'
import { ErrorBanner } from '../../components/ErrorBanner'
import { formatBytes } from '../../format'
import { useAction } from '../../hooks/use-action'

/** Beside the workspace, named by the day: `/cases/acme.db` → `/cases/acme-backup-2024-06-05.db`. */
export function suggestedBackupPath(workspacePath: string, today: Date): string {
  const base = workspacePath.replace(/\.(db|sqlite3?)$/i, '')
  return `${base}-backup-${today.toISOString().slice(0, 10)}.db`
}

/**
 * A consistent copy of the workspace file while it is in use (SQLite's online backup), at a path
 * on this machine; the audit head it was taken at identifies it later.
 */
export function WorkspaceBackup({ workspacePath }: { workspacePath: string }) {
  const id = useId()
  const [path, setPath] = useState(() => suggestedBackupPath(workspacePath, new Date()))
  const [saved, setSaved] = useState<ApiOutput<'workspace:backup'> | undefined>(undefined)
  const action = useAction()

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    setSaved(await action.run('workspace:backup', { path: path.trim() }))
  }

  return (
    <form className="workspace-backup" aria-label="Back up the workspace" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-path`}>Backup file (a path on the machine running Argus)</label>
      <div className="workspace-backup-row">
        <input id={`${id}-path`} className="mono" required maxLength={4096} value={path} onChange={(event) => setPath(event.target.value)} />
        <button type="submit" className="button" disabled={action.pending || path.trim() === ''}>
          {action.pending ? 'Backing up…' : 'Back up workspace…'}
        </button>
      </div>
      {action.error ? <ErrorBanner title="Could not back up the workspace" error={action.error} /> : null}
      {saved ? (
        <dl className="facts" role="status" aria-label="Backup written">
          <dt>Written to</dt>
          <dd className="mono">{saved.path}</dd>
          <dt>Size</dt>
          <dd className="numeric">{formatBytes(saved.sizeBytes)}</dd>
          <dt>Audit head</dt>
          <dd className="mono">{saved.auditHead}</dd>
        </dl>
      ) : null}
    </form>
  )
}
