import { useMemo } from 'react'
import { Chart, type ChartOption } from './Chart'
import { riskPalette } from './risk-palette'

export interface HeatmapWeekHourProps {
  /** counts[weekday][hour], Monday first. */
  counts: readonly (readonly number[])[]
  theme: 'dark' | 'light'
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const hours = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'))

/** When in the week the user acts: hour of day across, weekday down, darker for more events. */
export function HeatmapWeekHour({ counts, theme }: HeatmapWeekHourProps) {
  const { option, label } = useMemo(() => {
    const cells: [number, number, number][] = []
    let peak = 0
    let busiest = { weekday: 0, hour: 0 }
    counts.forEach((row, weekday) =>
      row.forEach((count, hour) => {
        cells.push([hour, weekday, count])
        if (count > peak) {
          peak = count
          busiest = { weekday, hour }
        }
      }),
    )
    const palette = riskPalette[theme]
    const chart: ChartOption = {
      tooltip: {
        position: 'top',
        formatter: (params: { value: [number, number, number] }) =>
          `${weekdays[params.value[1]] ?? ''} ${hours[params.value[0]] ?? ''}:00–${hours[params.value[0]] ?? ''}:59<br/>${params.value[2]} events`,
      },
      grid: { left: 44, right: 12, top: 8, bottom: 56 },
      xAxis: { type: 'category', data: hours, splitArea: { show: true }, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true }, axisLabel: { fontSize: 11 } },
      visualMap: {
        min: 0,
        max: Math.max(1, peak),
        calculable: false,
        text: ['more', 'fewer'],
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        textStyle: { fontSize: 10 },
        inRange: { color: [theme === 'dark' ? '#17202b' : '#f3f5f8', palette.accent] },
      },
      series: [{ type: 'heatmap', data: cells, emphasis: { itemStyle: { borderColor: palette.muted, borderWidth: 1 } } }],
    }
    const text = peak === 0 ? 'Hour by weekday heatmap: no events' : `Hour by weekday heatmap: busiest ${weekdays[busiest.weekday]} ${hours[busiest.hour]}:00 with ${peak} events`
    return { option: chart, label: text }
  }, [counts, theme])

  return <Chart option={option} label={label} height={250} theme={theme} />
}
