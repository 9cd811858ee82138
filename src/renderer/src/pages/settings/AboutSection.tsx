import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { useCall } from '../../hooks/use-call'
import { formatDuration } from '../../format'

const doorLabels = { electron: 'Desktop app', http: 'Browser (argus serve)', cli: 'Command line' } as const

export function AboutSection() {
  const health = useCall('app:health', {})
  const info = health.data

  let body
  if (health.error) {
    body = <ErrorBanner title="Could not reach the engine" error={health.error} onRetry={health.reload} />
  } else if (info === undefined) {
    body = <Loading label="Asking the engine" lines={3} />
  } else {
    body = (
      <dl className="facts">
        <dt>Version</dt>
        <dd className="mono">{info.version}</dd>
        <dt>Door</dt>
        <dd>{doorLabels[info.door]}</dd>
        <dt>Worker threads</dt>
        <dd className="numeric">{info.workerThreads}</dd>
        <dt>Uptime</dt>
        <dd className="numeric">{formatDuration(info.uptimeSeconds)}</dd>
      </dl>
    )
  }
  return <Panel title="About">{body}</Panel>
}
