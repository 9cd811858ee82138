import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import type { ApiOutput } from '../../../../shared/contract'
import type { CallState } from '../../hooks/use-call'
import { formatBytes, formatCount, formatTimestamp } from '../../format'
import { WorkspaceBackup } from './WorkspaceBackup'

/** The workspace file and what it holds (read once by the Settings page, which reloads it after a change). */
export function WorkspaceSection({ workspace }: { workspace: CallState<ApiOutput<'workspace:info'>> }) {
  const info = workspace.data

  let body
  if (workspace.error) {
    body = <ErrorBanner title="Could not read the workspace" error={workspace.error} onRetry={workspace.reload} />
  } else if (info === undefined) {
    body = <Loading label="Reading the workspace" lines={4} />
  } else {
    body = (
      <dl className="facts">
        <dt>Path</dt>
        <dd className="mono">{info.path}</dd>
        <dt>Access</dt>
        <dd>{info.readOnly ? 'Read-only' : 'Read and write'}</dd>
        <dt>Size</dt>
        <dd className="numeric">{formatBytes(info.sizeBytes)}</dd>
        <dt>Schema version</dt>
        <dd className="mono">{info.schemaVersion}</dd>
        <dt>Created</dt>
        {/* createdAt 0 means the workspace predates the setting, not the epoch. */}
        <dd className="numeric">{info.createdAt === 0 ? 'unknown' : formatTimestamp(info.createdAt)}</dd>
        <dt>Time zone</dt>
        <dd>{info.timeZone}</dd>
        <dt>Events</dt>
        <dd className="numeric">{formatCount(info.counts.events)}</dd>
        <dt>Imports</dt>
        <dd className="numeric">{formatCount(info.counts.sources)}</dd>
        <dt>Rejects</dt>
        <dd className="numeric">{formatCount(info.counts.rejects)}</dd>
      </dl>
    )
  }
  return (
    <Panel title="Workspace">
      {body}
      {info ? <WorkspaceBackup workspacePath={info.path} /> : null}
    </Panel>
  )
}
