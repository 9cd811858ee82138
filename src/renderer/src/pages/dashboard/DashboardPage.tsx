import { PageHeader } from '../../components/PageHeader'
import { EventsPerDayPanel } from './EventsPerDayPanel'
import { KpiStrip } from './KpiStrip'
import { RecentEventsPanel } from './RecentEventsPanel'

export function DashboardPage() {
  return (
    <div className="page page-dashboard">
      <PageHeader title="Dashboard" />
      <KpiStrip />
      <EventsPerDayPanel />
      <RecentEventsPanel />
    </div>
  )
}
