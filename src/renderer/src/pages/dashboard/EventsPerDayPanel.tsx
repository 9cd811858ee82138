import { DayBars } from '../../components/DayBars'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Panel } from '../../components/Panel'
import { ProgressBar } from '../../components/ProgressBar'
import { useCall } from '../../hooks/use-call'
import { useJobProgress } from '../../hooks/use-job-progress'

export function EventsPerDayPanel() {
  const stats = useCall('stats:eventsPerDay', {})
  const progress = useJobProgress('eventsPerDay')
  // A finished job's 100 % would otherwise linger while a retry waits for its first report.
  const running = progress !== undefined && progress.done < progress.total ? progress : undefined

  let body
  if (stats.error) {
    body = <ErrorBanner title="Could not count events per day" error={stats.error} onRetry={stats.reload} />
  } else if (stats.data === undefined) {
    body = <ProgressBar label="Counting events per day" done={running?.done} total={running?.total} />
  } else if (stats.data.days.length === 0) {
    body = <EmptyState title="No events to chart yet">The chart fills in once events are imported.</EmptyState>
  } else {
    body = <DayBars days={stats.data.days} timeZone={stats.data.timeZone} />
  }
  return <Panel title="Events per day">{body}</Panel>
}
