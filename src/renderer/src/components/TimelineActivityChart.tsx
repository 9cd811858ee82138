import { useMemo } from 'react'
import type { DayCount } from '../../../shared/contract'
import type { ScoredDayRow } from '../../../shared/scoring-schemas'
import { severityThresholds } from '../../../shared/severity'
import { Chart, type ChartOption } from './Chart'
import { riskPalette } from './risk-palette'

export interface TimelineActivityChartProps {
  /** Every date on the axis, oldest first (quiet days included). */
  dates: readonly string[]
  activity: readonly DayCount[]
  days: readonly ScoredDayRow[]
  selected: string | undefined
  onSelect: (date: string) => void
  theme: 'dark' | 'light'
}

/**
 * Events per day as bars with the daily risk as a line on a 0–1 axis; a marker on the selected
 * day. Zoom with the wheel or the slider; a click on a scored day selects it.
 */
export function TimelineActivityChart({ dates, activity, days, selected, onSelect, theme }: TimelineActivityChartProps) {
  const option = useMemo((): ChartOption => {
    const palette = riskPalette[theme]
    const events = new Map(activity.map((day) => [day.date, day.events]))
    const risk = new Map(days.map((day) => [day.date, day]))
    const zoom = zoomWindow(dates, selected)
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, right: 8, textStyle: { fontSize: 11 } },
      grid: { left: 52, right: 48, top: 30, bottom: 64 },
      xAxis: { type: 'category', data: dates, axisLabel: { fontSize: 11 } },
      yAxis: [
        { type: 'value', name: 'events', nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { opacity: 0.3 } } },
        { type: 'value', name: 'risk', min: 0, max: 1, nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 }, splitLine: { show: false } },
      ],
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, ...zoom },
        { type: 'slider', xAxisIndex: 0, height: 18, bottom: 8, ...zoom },
      ],
      series: [
        {
          name: 'Events',
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: palette.bars },
          data: dates.map((date) => events.get(date) ?? 0),
          markLine: selected
            ? { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: palette.accent, width: 2, type: 'solid' }, data: [{ xAxis: selected }] }
            : undefined,
        },
        {
          name: 'Risk',
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          symbolSize: 7,
          lineStyle: { color: palette.accent, width: 1.5 },
          itemStyle: { color: palette.accent },
          data: dates.map((date) => {
            const day = risk.get(date)
            if (!day) return null
            return { value: Math.round(day.risk * 1000) / 1000, itemStyle: { color: palette[day.severity] } }
          }),
          markLine: {
            symbol: 'none',
            silent: true,
            label: { fontSize: 10, formatter: '{b}' },
            lineStyle: { type: 'dashed', opacity: 0.6 },
            data: [
              { name: 'High', yAxis: severityThresholds.high, lineStyle: { color: palette.high } },
              { name: 'Medium', yAxis: severityThresholds.medium, lineStyle: { color: palette.medium } },
            ],
          },
        },
      ],
    }
  }, [activity, dates, days, selected, theme])

  const scored = useMemo(() => new Set(days.map((day) => day.date)), [days])
  const label = `Activity timeline: events per day and daily risk from ${dates[0] ?? '—'} to ${dates.at(-1) ?? '—'}${selected ? `; ${selected} selected` : ''}`

  return (
    <Chart
      option={option}
      label={label}
      height={280}
      theme={theme}
      onClick={(params) => {
        if (typeof params.name === 'string' && scored.has(params.name)) onSelect(params.name)
      }}
    />
  )
}

/** Days shown around the selected one when the history is longer than that. */
const windowDays = 61

/**
 * A new option resets ECharts' zoom, so the window is chosen here: the whole history when it is
 * short, otherwise two months centred on the selected day, which moves with the selection.
 */
function zoomWindow(dates: readonly string[], selected: string | undefined): { startValue?: number; endValue?: number } {
  if (dates.length <= windowDays) return {}
  const at = selected === undefined ? dates.length - 1 : Math.max(0, dates.indexOf(selected))
  const start = Math.max(0, Math.min(dates.length - windowDays, at - Math.floor(windowDays / 2)))
  return { startValue: start, endValue: start + windowDays - 1 }
}
