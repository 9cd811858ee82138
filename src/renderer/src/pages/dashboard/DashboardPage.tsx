import { useMemo, useState } from 'react'
import { PageHeader } from '../../components/PageHeader'
import { useDashboardAlertStats } from '../../hooks/use-dashboard-alert-stats'
import { useDashboardPalette } from '../../hooks/use-dashboard-palette'
import { useDashboardUsers } from '../../hooks/use-dashboard-users'
import { AnomalyTypesPanel } from './AnomalyTypesPanel'
import { DashboardRangeBar } from './DashboardRangeBar'
import { sumAlertDays, type DashboardRange } from './dashboard-range'
import { EventsPerDayPanel } from './EventsPerDayPanel'
import { KpiStrip } from './KpiStrip'
import { PrecisionPanel } from './PrecisionPanel'
import { RecentEventsPanel } from './RecentEventsPanel'
import { RiskTimelinePanel } from './RiskTimelinePanel'
import { SeverityPanel } from './SeverityPanel'
import { TopUsersPanel } from './TopUsersPanel'

export function DashboardPage() {
  const alerts = useDashboardAlertStats()
  const users = useDashboardUsers()
  const palette = useDashboardPalette()
  // The days the panels below the timeline show; null: all of them.
  const [range, setRange] = useState<DashboardRange | null>(null)

  const days = alerts.stats?.days
  const sums = useMemo(() => (days ? sumAlertDays(days, range) : undefined), [days, range])
  const first = days?.[0]?.date
  const last = days?.at(-1)?.date
  const bounds = first && last ? { from: first, to: last } : undefined

  return (
    <div className="page page-dashboard">
      <PageHeader title="Dashboard" />
      <KpiStrip alerts={alerts} users={users} />
      <RiskTimelinePanel alerts={alerts} palette={palette} onRange={setRange} />
      <DashboardRangeBar range={range} bounds={bounds} onChange={setRange} />
      <div className="dashboard-grid">
        <SeverityPanel counts={sums} range={range} palette={palette} />
        <AnomalyTypesPanel types={sums?.types} range={range} palette={palette} />
        <TopUsersPanel users={users} />
        <PrecisionPanel palette={palette} />
      </div>
      <EventsPerDayPanel palette={palette} range={range} onDay={(date) => setRange({ from: date, to: date })} />
      <RecentEventsPanel range={range} />
    </div>
  )
}
