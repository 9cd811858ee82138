import { useState } from 'react'
import { PageHeader } from '../../components/PageHeader'
import { useCall } from '../../hooks/use-call'
import { useDashboardAlertStats } from '../../hooks/use-dashboard-alert-stats'
import { useDashboardPalette } from '../../hooks/use-dashboard-palette'
import { useEvent } from '../../hooks/use-event'
import { useTopUsers } from '../../hooks/use-top-users'
import { AnomalyTypesPanel } from './AnomalyTypesPanel'
import { DashboardRangeBar } from './DashboardRangeBar'
import type { DashboardRange } from './dashboard-range'
import { EventsPerDayPanel } from './EventsPerDayPanel'
import { KpiStrip } from './KpiStrip'
import { PrecisionPanel } from './PrecisionPanel'
import { RecentEventsPanel } from './RecentEventsPanel'
import { RiskTimelinePanel } from './RiskTimelinePanel'
import { SeverityPanel } from './SeverityPanel'
import { TopUsersPanel } from './TopUsersPanel'

export function DashboardPage() {
  const workspace = useCall('workspace:info', {})
  useEvent('ingest:finished', workspace.reload)
  // The days the panels below the timeline show; null: all of them.
  const [range, setRange] = useState<DashboardRange | null>(null)
  const alerts = useDashboardAlertStats(range)
  const users = useTopUsers()
  const palette = useDashboardPalette()

  const days = alerts.all.data?.days
  const first = days?.[0]?.date
  const last = days?.at(-1)?.date
  const bounds = first && last ? { from: first, to: last } : undefined
  const shown = alerts.shown.data

  return (
    <div className="page page-dashboard">
      <PageHeader title="Dashboard" />
      <KpiStrip workspace={workspace} alerts={alerts.all} />
      <RiskTimelinePanel alerts={alerts.all} palette={palette} onRange={setRange} />
      <DashboardRangeBar range={range} bounds={bounds} onChange={setRange} />
      <div className="dashboard-grid">
        <SeverityPanel counts={shown?.bySeverity} range={range} palette={palette} />
        <AnomalyTypesPanel types={shown?.byType} range={range} palette={palette} />
        <TopUsersPanel users={users} total={alerts.all.data?.users.total} />
        <PrecisionPanel palette={palette} />
      </div>
      <EventsPerDayPanel palette={palette} range={range} onDay={(date) => setRange({ from: date, to: date })} />
      <RecentEventsPanel range={range} timeZone={workspace.data?.timeZone} />
    </div>
  )
}
