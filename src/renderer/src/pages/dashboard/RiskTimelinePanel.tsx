import { useMemo, useRef } from 'react'
import { Chart, type ChartOption } from '../../components/Chart'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { alertsHref, openHref } from '../../hooks/use-alert-route'
import type { AlertStats } from '../../../../shared/stats-schemas'
import type { AlertStatsState } from '../../hooks/use-dashboard-alert-stats'
import type { DashboardPalette } from '../../hooks/use-dashboard-palette'
import { fillDates, type DashboardRange } from './dashboard-range'

export interface RiskTimelinePanelProps {
  /** Alert counts over every day. */
  alerts: AlertStatsState
  palette: DashboardPalette
  onRange: (range: DashboardRange | null) => void
}

const severitySeries = [
  { key: 'high', name: 'High' },
  { key: 'medium', name: 'Medium' },
] as const

/** Alerts per day by severity, stacked; a bar opens that day's alerts, a brushed span narrows the panels below. */
export function RiskTimelinePanel({ alerts, palette, onRange }: RiskTimelinePanelProps) {
  const stats = alerts.data
  const dates = useMemo(() => timelineDates(stats), [stats])
  // Kept stable between renders: a new option resets the chart, and with it the brushed span.
  const option = useMemo(() => (stats ? timelineOption(stats, dates, palette) : undefined), [stats, dates, palette])
  const brushed = useRef(false)

  let body
  if (stats === undefined && alerts.error) {
    body = <ErrorBanner title="Could not read the alerts" error={alerts.error} onRetry={alerts.reload} />
  } else if (stats === undefined || option === undefined) {
    body = <Loading label="Counting alerts per day" lines={5} />
  } else if (stats.total === 0) {
    body = (
      <EmptyState title="No alerts yet">
        Alerts appear once scoring rates a user-day Medium or High. Import logs; scoring runs after each import.
      </EmptyState>
    )
  } else {
    body = (
      <Chart
        option={option}
        label={`Alerts per day by severity, ${dates[0]} to ${dates.at(-1)}: ${formatCount(stats.bySeverity.high)} high, ${formatCount(stats.bySeverity.medium)} medium`}
        height={240}
        theme={palette.theme}
        onClick={(params) => {
          const date = dates[params.dataIndex]
          const severity = severitySeries.find((series) => series.name === params.seriesName)?.key
          if (date) openHref(alertsHref({ severity, from: date, to: date }))
        }}
        onBrush={(span) => {
          // ECharts also reports an empty selection after every redraw (debounced, so it may come
          // after the analyst typed a range): only a cleared brush span clears the range.
          if (span === null) {
            if (brushed.current) onRange(null)
            brushed.current = false
            return
          }
          brushed.current = true
          const from = dates[clampIndex(Math.min(span[0], span[1]), dates.length)]
          const to = dates[clampIndex(Math.max(span[0], span[1]), dates.length)]
          onRange(from && to ? { from, to } : null)
        }}
      />
    )
  }

  return (
    <Panel
      title="Risk timeline"
      aside={
        stats ? (
          <span className="muted dashboard-hint">click a bar for that day&apos;s alerts · select a span with the brush tool</span>
        ) : undefined
      }
    >
      {alerts.error && stats ? <ErrorBanner title="Could not refresh the alerts" error={alerts.error} onRetry={alerts.reload} /> : null}
      {body}
    </Panel>
  )
}

function clampIndex(value: number, length: number): number {
  return Math.min(length - 1, Math.max(0, Math.round(value)))
}

function timelineDates(stats: AlertStats | undefined): string[] {
  const first = stats?.days[0]?.date
  const last = stats?.days.at(-1)?.date
  if (!stats || first === undefined || last === undefined) return []
  return fillDates(first, last, stats.days.map((day) => day.date))
}

function timelineOption(stats: AlertStats, dates: readonly string[], palette: DashboardPalette): ChartOption {
  const byDate = new Map(stats.days.map((day) => [day.date, day]))
  return {
    color: [palette.high, palette.medium],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    legend: { top: 0, left: 0, textStyle: { color: palette.text } },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    toolbox: {
      right: 8,
      top: -4,
      feature: { brush: { type: ['lineX', 'clear'], title: { lineX: 'Select a span of days', clear: 'Clear the selection' } } },
      iconStyle: { borderColor: palette.muted },
    },
    brush: { xAxisIndex: 0, brushMode: 'single', throttleType: 'debounce', throttleDelay: 250, outOfBrush: { colorAlpha: 0.25 } },
    xAxis: { type: 'category', data: dates, axisLabel: { color: palette.muted }, axisLine: { lineStyle: { color: palette.border } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: palette.muted }, splitLine: { lineStyle: { color: palette.border } } },
    series: severitySeries.map(({ key, name }) => ({
      name,
      type: 'bar',
      stack: 'alerts',
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
      data: dates.map((date) => byDate.get(date)?.[key] ?? 0),
    })),
  }
}
