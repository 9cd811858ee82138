import { ErrorBanner } from '../../components/ErrorBanner'
import { KpiLinkCard } from '../../components/KpiLinkCard'
import { formatCount } from '../../format'
import { alertsHref } from '../../hooks/use-alert-route'
import { useCall } from '../../hooks/use-call'
import type { DashboardAlertStatsState } from '../../hooks/use-dashboard-alert-stats'
import type { DashboardUsersState } from '../../hooks/use-dashboard-users'
import { useEvent } from '../../hooks/use-event'

export interface KpiStripProps {
  alerts: DashboardAlertStatsState
  users: DashboardUsersState
}

export function KpiStrip({ alerts, users }: KpiStripProps) {
  const workspace = useCall('workspace:info', {})
  useEvent('ingest:finished', workspace.reload)
  const counts = workspace.data?.counts
  const loading = workspace.loading && counts === undefined
  const stats = alerts.stats
  const partial = stats?.capped ? `of the riskiest ${formatCount(stats.read)}` : undefined
  const scored = users.users
  return (
    <section className="kpi-section" aria-label="Key figures">
      {workspace.error ? <ErrorBanner title="Could not read the workspace" error={workspace.error} onRetry={workspace.reload} /> : null}
      <dl className="kpi-strip">
        <KpiLinkCard label="Events" value={counts?.events} loading={loading} />
        <KpiLinkCard
          label="Users scored"
          value={scored?.count}
          loading={users.loading}
          href="#/users"
          note={scored ? `${formatCount(scored.bySeverity.high)} high · ${formatCount(scored.bySeverity.medium)} medium${scored.capped ? ' · at least' : ''}` : undefined}
        />
        <KpiLinkCard
          label="Imports"
          value={counts?.sources}
          loading={loading}
          href="#/import"
          note={counts ? `${formatCount(counts.rejects)} lines rejected` : undefined}
        />
        <KpiLinkCard label="High alerts" value={stats?.high} loading={alerts.loading} href={alertsHref({ severity: 'high' })} tone="high" note={partial} />
        <KpiLinkCard label="Medium alerts" value={stats?.medium} loading={alerts.loading} href={alertsHref({ severity: 'medium' })} tone="medium" note={partial} />
        <KpiLinkCard
          label="Open alerts"
          value={stats?.open}
          loading={alerts.loading}
          href={alertsHref({ status: 'open' })}
          note={stats ? `${formatCount(stats.acknowledged)} acknowledged · ${formatCount(stats.closed)} closed` : undefined}
        />
        <KpiLinkCard label="Open cases" value={undefined} note="cases arrive later" />
      </dl>
    </section>
  )
}
