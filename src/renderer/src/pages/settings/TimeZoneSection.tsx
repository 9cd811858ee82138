import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import type { CallState } from '../../hooks/use-call'
import type { ApiOutput } from '../../../../shared/contract'

export interface TimeZoneSectionProps {
  workspace: CallState<ApiOutput<'workspace:info'>>
}

/** The workspace's time zone (read-only for now) and where the year for year-less syslog lines is set. */
export function TimeZoneSection({ workspace }: TimeZoneSectionProps) {
  let zone
  if (workspace.error) zone = <ErrorBanner title="Could not read the workspace" error={workspace.error} onRetry={workspace.reload} />
  else if (!workspace.data) zone = <Loading label="Reading the workspace" lines={1} />
  else
    zone = (
      <dl className="facts">
        <dt>Workspace time zone</dt>
        <dd>
          <span className="mono">{workspace.data.timeZone}</span> <span className="badge">read-only</span>
        </dd>
        <dt>Default year</dt>
        <dd>Chosen per import (Import page, Advanced options); otherwise taken from each file’s modification time.</dd>
      </dl>
    )
  return (
    <Panel title="Time zone and year">
      {zone}
      <p className="hint">
        Scored days are calendar days in the workspace time zone, and times without an offset are read in it unless an import names another. It
        cannot be changed from here yet; changing it would rescore every day.
      </p>
    </Panel>
  )
}
