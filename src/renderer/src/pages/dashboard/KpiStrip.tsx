import { ErrorBanner } from '../../components/ErrorBanner'
import { KpiCard } from '../../components/KpiCard'
import { useCall } from '../../hooks/use-call'

const scoringNote = 'scoring not available yet'

export function KpiStrip() {
  const workspace = useCall('workspace:info', {})
  const counts = workspace.data?.counts
  const loading = workspace.loading && counts === undefined
  return (
    <section className="kpi-section" aria-label="Key figures">
      {workspace.error ? (
        <ErrorBanner title="Could not read the workspace" error={workspace.error} onRetry={workspace.reload} />
      ) : null}
      <dl className="kpi-strip">
        <KpiCard label="Events" value={counts?.events} loading={loading} />
        <KpiCard label="Imports" value={counts?.sources} loading={loading} />
        <KpiCard label="Rejects" value={counts?.rejects} loading={loading} note="lines no parser understood" />
        <KpiCard label="Users" value={undefined} note={scoringNote} />
        <KpiCard label="Alerts" value={undefined} note={scoringNote} />
      </dl>
    </section>
  )
}
