import { useMemo } from 'react'
import type { DayCount } from '../../../../shared/contract'
import { Chart, type ChartOption } from '../../components/Chart'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Panel } from '../../components/Panel'
import { ProgressBar } from '../../components/ProgressBar'
import { formatCount } from '../../format'
import { useCall } from '../../hooks/use-call'
import type { DashboardPalette } from '../../hooks/use-dashboard-palette'
import { useEvent } from '../../hooks/use-event'
import { useJobProgress } from '../../hooks/use-job-progress'
import { fillDates, inRange, type DashboardRange } from './dashboard-range'

export interface EventsPerDayPanelProps {
  palette: DashboardPalette
  range: DashboardRange | null
  /** A day was clicked: the recent events below show that day. */
  onDay: (date: string) => void
}

export function EventsPerDayPanel({ palette, range, onDay }: EventsPerDayPanelProps) {
  const stats = useCall('stats:eventsPerDay', {})
  useEvent('ingest:finished', stats.reload)
  const progress = useJobProgress('eventsPerDay')
  // A finished job's 100 % would otherwise linger while a retry waits for its first report.
  const running = progress !== undefined && progress.done < progress.total ? progress : undefined
  const days = stats.data?.days
  const dates = useMemo(() => (days ? volumeDates(days) : []), [days])
  const option = useMemo(() => (days ? volumeOption(days, dates, range, palette) : undefined), [days, dates, range, palette])

  let body
  if (stats.error) {
    body = <ErrorBanner title="Could not count events per day" error={stats.error} onRetry={stats.reload} />
  } else if (stats.data === undefined || option === undefined) {
    body = <ProgressBar label="Counting events per day" done={running?.done} total={running?.total} />
  } else if (stats.data.days.length === 0) {
    body = <EmptyState title="No events to chart yet">The chart fills in once events are imported.</EmptyState>
  } else {
    const total = stats.data.days.reduce((sum, day) => sum + day.events, 0)
    body = (
      <Chart
        option={option}
        label={`Events per day (${stats.data.timeZone}), ${dates[0]} to ${dates.at(-1)}: ${formatCount(total)} events`}
        height={200}
        theme={palette.theme}
        onClick={(params) => {
          const date = dates[params.dataIndex]
          if (date) onDay(date)
        }}
      />
    )
  }
  return (
    <Panel
      title="Event volume"
      aside={stats.data ? <span className="muted dashboard-hint">per day, {stats.data.timeZone} · click a day for its events</span> : undefined}
    >
      {body}
    </Panel>
  )
}

function volumeDates(days: readonly DayCount[]): string[] {
  const first = days[0]?.date
  const last = days.at(-1)?.date
  if (first === undefined || last === undefined) return []
  return fillDates(first, last, days.map((day) => day.date))
}

function volumeOption(days: readonly DayCount[], dates: readonly string[], range: DashboardRange | null, palette: DashboardPalette): ChartOption {
  const counts = new Map(days.map((day) => [day.date, day.events]))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    grid: { left: 56, right: 16, top: 12, bottom: dates.length > 120 ? 52 : 28 },
    dataZoom: dates.length > 120 ? [{ type: 'slider', height: 18, bottom: 6 }, { type: 'inside' }] : undefined,
    xAxis: { type: 'category', data: dates, axisLabel: { color: palette.muted }, axisLine: { lineStyle: { color: palette.border } } },
    yAxis: { type: 'value', axisLabel: { color: palette.muted }, splitLine: { lineStyle: { color: palette.border } } },
    series: [
      {
        name: 'Events',
        type: 'bar',
        barMaxWidth: 24,
        // Days outside the chosen range fade, so the range reads on this chart too.
        data: dates.map((date) => ({
          value: counts.get(date) ?? 0,
          itemStyle: { color: palette.accent, opacity: inRange(date, range) ? 1 : 0.3 },
        })),
      },
    ],
  }
}
