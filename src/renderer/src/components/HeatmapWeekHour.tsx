import { useMemo } from 'react'
import { weekdayNames } from '../format'
import { Chart, type ChartOption } from './Chart'
import { riskPalette } from './risk-palette'

export interface HeatmapWeekHourProps {
  /** values[weekday][hour], Monday first. */
  values: readonly (readonly number[])[]
  /** 'share': from 0 up, darker for more; 'difference': around 0, warm for more and cool for less. */
  scale: 'share' | 'difference'
  /** Accessible name: what the grid shows and its strongest cell. */
  label: string
  /** A cell's tooltip: plain text, lines separated by newlines. */
  describe: (weekday: number, hour: number) => string
  theme: 'dark' | 'light'
}

const hours = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'))
/** The cool end of the difference scale: less activity than usual. */
const fewer = { dark: '#4c9aff', light: '#1f6feb' } as const

/** When in the week the user acts: hour of day across, weekday down. */
export function HeatmapWeekHour({ values, scale, label, describe, theme }: HeatmapWeekHourProps) {
  const option = useMemo((): ChartOption => {
    const cells: [number, number, number][] = values.flatMap((row, weekday) => row.map((value, hour): [number, number, number] => [hour, weekday, value]))
    const extreme = Math.max(...cells.map(([, , value]) => Math.abs(value)), 0.001)
    const palette = riskPalette[theme]
    const background = theme === 'dark' ? '#17202b' : '#f3f5f8'
    return {
      tooltip: {
        position: 'top',
        renderMode: 'richText',
        formatter: (params: { value: [number, number, number] }) => describe(params.value[1], params.value[0]),
      },
      grid: { left: 44, right: 12, top: 8, bottom: 56 },
      xAxis: { type: 'category', data: hours, splitArea: { show: true }, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', data: weekdayNames, inverse: true, splitArea: { show: true }, axisLabel: { fontSize: 11 } },
      visualMap: {
        min: scale === 'difference' ? -extreme : 0,
        max: extreme,
        calculable: false,
        text: scale === 'difference' ? ['more than usual', 'less'] : ['more', 'fewer'],
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        textStyle: { fontSize: 10 },
        inRange: { color: scale === 'difference' ? [fewer[theme], background, palette.high] : [background, palette.accent] },
      },
      series: [{ type: 'heatmap', data: cells, emphasis: { itemStyle: { borderColor: palette.muted, borderWidth: 1 } } }],
    }
  }, [describe, scale, theme, values])

  return <Chart option={option} label={label} height={250} theme={theme} />
}
