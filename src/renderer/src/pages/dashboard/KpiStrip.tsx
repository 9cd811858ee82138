import type { ApiOutput } from '../../../../shared/contract'
import { ErrorBanner } from '../../components/ErrorBanner'
import { KpiLinkCard } from '../../components/KpiLinkCard'
import { formatCount } from '../../format'
import { alertsHref } from '../../hooks/use-alert-route'
import type { CallState } from '../../hooks/use-call'
import type { AlertStatsState } from '../../hooks/use-dashboard-alert-stats'
import { OpenCasesKpi } from './OpenCasesKpi'

export interface KpiStripProps {
  workspace: CallState<ApiOutput<'workspace:info'>>
  /** The engine's alert and user counts over every day. */
  alerts: AlertStatsState
}

export function KpiStrip({ workspace, alerts }: KpiStripProps) {
  const counts = workspace.data?.counts
  const loading = workspace.loading && counts === undefined
  const stats = alerts.data
  const counting = alerts.loading && stats === undefined
  const users = stats?.users
  return (
    <section className="kpi-section" aria-label="Key figures">
      {workspace.error ? <ErrorBanner title="Could not read the workspace" error={workspace.error} onRetry={workspace.reload} /> : null}
      {alerts.error ? <ErrorBanner title="Could not count the alerts" error={alerts.error} onRetry={alerts.reload} /> : null}
      <dl className="kpi-strip">
        <KpiLinkCard label="Events" value={counts?.events} loading={loading} />
        <KpiLinkCard
          label="Users scored"
          value={users?.total}
          loading={counting}
          href="#/users"
          note={users ? `${formatCount(users.high)} high · ${formatCount(users.medium)} medium` : undefined}
        />
        <KpiLinkCard
          label="Imports"
          value={counts?.sources}
          loading={loading}
          href="#/import"
          note={counts ? `${formatCount(counts.rejects)} lines rejected` : undefined}
        />
        <KpiLinkCard label="High alerts" value={stats?.bySeverity.high} loading={counting} href={alertsHref({ severity: 'high' })} tone="high" />
        <KpiLinkCard label="Medium alerts" value={stats?.bySeverity.medium} loading={counting} href={alertsHref({ severity: 'medium' })} tone="medium" />
        <KpiLinkCard
          label="Open alerts"
          value={stats?.byStatus.open}
          loading={counting}
          href={alertsHref({ status: 'open' })}
          note={stats ? `${formatCount(stats.byStatus.acknowledged)} acknowledged · ${formatCount(stats.byStatus.closed)} closed` : undefined}
        />
        <OpenCasesKpi />
      </dl>
    </section>
  )
}
