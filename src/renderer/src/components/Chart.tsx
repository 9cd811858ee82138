import { BarChart, HeatmapChart, LineChart, PieChart, RadarChart } from 'echarts/charts'
import {
  BrushComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only what the screens draw is bundled (echarts/core); one registration for the whole app.
echarts.use([
  BarChart, LineChart, PieChart, RadarChart, HeatmapChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, RadarComponent, DataZoomComponent,
  BrushComponent, ToolboxComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer,
])

export type ChartOption = echarts.EChartsCoreOption

export interface ChartProps {
  option: ChartOption
  /** Accessible name: what the chart shows, for screen readers and tests. */
  label: string
  height?: number
  /** Clicks on a data item: the chart's own params (seriesName, name, value, dataIndex, data). */
  onClick?: (params: echarts.ECElementEvent) => void
  /** The brushed x-range (category indexes or values), when the option enables a brush. */
  onBrush?: (range: [number, number] | null) => void
  theme?: 'dark' | 'light'
}

/** An ECharts canvas that follows its option and its box's size; disposed on unmount. */
export function Chart({ option, label, height = 260, onClick, onBrush, theme }: ChartProps) {
  const element = useRef<HTMLDivElement | null>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const handlers = useRef({ onClick, onBrush })
  useEffect(() => {
    handlers.current = { onClick, onBrush }
  })

  useEffect(() => {
    if (!element.current) return
    const instance = echarts.init(element.current, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' })
    chart.current = instance
    instance.on('click', (params) => handlers.current.onClick?.(params))
    instance.on('brushSelected', (params) => {
      const area = (params as { batch?: { areas?: { coordRange?: [number, number] }[] }[] }).batch?.[0]?.areas?.[0]?.coordRange
      handlers.current.onBrush?.(area ?? null)
    })
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element.current)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [theme])

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true })
  }, [option, theme])

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />
}
