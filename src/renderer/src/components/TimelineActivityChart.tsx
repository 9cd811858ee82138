import { useMemo } from 'react'
import type { DayCount } from '../../../shared/contract'
import type { ScoredDayRow } from '../../../shared/scoring-schemas'
import { severityThresholds } from '../../../shared/severity'
import type { DaySpan } from '../zoned-day'
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
  /** Days with events pinned to a case, marked with a pin above their bar. */
  pinned?: readonly PinnedDay[]
  /** The span of days brushed, drawn as the brush's area. */
  span?: DaySpan | null
  /** While true, dragging across the chart brushes a span of days instead of clicking a day. */
  brushing?: boolean
  /** A span was brushed (null: a click without dragging removed it). */
  onSpan?: (span: DaySpan | null) => void
}

/** A day with events pinned to cases. */
export interface PinnedDay {
  date: string
  /** Distinct pinned events that day. */
  count: number
  /** Titles of the cases they are pinned to. */
  cases: readonly string[]
}

const noPins: readonly PinnedDay[] = []

/** Pins stand apart from the severity colours and the accent. */
const pinColor = { dark: '#c38bff', light: '#8250df' } as const

/**
 * Events per day as bars with the daily risk as a line on a 0–1 axis; a marker on the selected
 * day. Zoom with the wheel or the slider; a click on a scored day selects it; while `brushing`,
 * a drag selects a span of days.
 */
export function TimelineActivityChart({ dates, activity, days, selected, onSelect, theme, pinned = noPins, span = null, brushing = false, onSpan }: TimelineActivityChartProps) {
  const option = useMemo((): ChartOption => {
    const palette = riskPalette[theme]
    const events = new Map(activity.map((day) => [day.date, day.events]))
    const risk = new Map(days.map((day) => [day.date, day]))
    const zoom = zoomWindow(dates, selected)
    return {
      // Rich text, not HTML: the CSP refuses the inline styles of HTML tooltips' colour markers.
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
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
      // Switched on and drawn by the Chart's brushing props; days outside the span fade.
      brush: {
        xAxisIndex: 0,
        brushType: 'lineX',
        brushMode: 'single',
        brushStyle: { color: `${palette.accent}24`, borderColor: palette.accent, borderWidth: 1 },
        outOfBrush: { colorAlpha: 0.35 },
      },
      // The page's own buttons start brushing; ECharts would otherwise add its toolbox for the brush.
      toolbox: { show: false },
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
          markPoint:
            pinned.length === 0
              ? undefined
              : {
                  symbol: 'pin',
                  symbolSize: 34,
                  itemStyle: { color: pinColor[theme] },
                  label: { fontSize: 10, color: '#fff' },
                  // Named by date, so a click on a pin selects its day like a click on its bar.
                  data: pinned.map((day) => ({ name: day.date, value: day.count, coord: [day.date, events.get(day.date) ?? 0] })),
                },
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
  }, [activity, dates, days, pinned, selected, theme])

  const scored = useMemo(() => new Set(days.map((day) => day.date)), [days])
  const brushArea = useMemo(() => spanIndexes(dates, span), [dates, span])
  const pins = pinned.map((day) => `${day.date} (${day.count})`).join(', ')
  const label = `Activity timeline: events per day and daily risk from ${dates[0] ?? '—'} to ${dates.at(-1) ?? '—'}${selected ? `; ${selected} selected` : ''}${pins ? `; events pinned to a case on ${pins}` : ''}`

  return (
    <Chart
      option={option}
      label={label}
      height={280}
      theme={theme}
      onClick={(params) => {
        if (typeof params.name === 'string' && scored.has(params.name)) onSelect(params.name)
      }}
      brushing={brushing}
      brushArea={brushArea}
      onBrushEnd={(range) => onSpan?.(range ? spanOfIndexes(dates, range) : null)}
    />
  )
}

/** The axis positions of a span's first and last day, or null when it is not on the axis. */
function spanIndexes(dates: readonly string[], span: DaySpan | null): [number, number] | null {
  if (!span) return null
  const from = dates.findIndex((date) => date >= span.from)
  const to = dates.findLastIndex((date) => date <= span.to)
  return from >= 0 && to >= from ? [from, to] : null
}

/** The days a brushed range of axis positions covers (ECharts may report them unrounded or out of bounds). */
function spanOfIndexes(dates: readonly string[], range: readonly [number, number]): DaySpan | null {
  const clamp = (value: number): number => Math.min(dates.length - 1, Math.max(0, Math.round(value)))
  const from = dates[clamp(Math.min(...range))]
  const to = dates[clamp(Math.max(...range))]
  return from && to ? { from, to } : null
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
