import { BarChart, HeatmapChart, LineChart, PieChart, RadarChart } from 'echarts/charts'
import {
  BrushComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
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
  BrushComponent, ToolboxComponent, VisualMapComponent, MarkLineComponent, MarkPointComponent, CanvasRenderer,
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
  /**
   * For a chart whose option has a `brush` on its first x axis: while true, dragging across the
   * plot draws an x-range (instead of clicking items); `brushArea` is the range drawn (kept
   * across option changes, which would otherwise wipe it) and `onBrushEnd` hears each range the
   * analyst finishes drawing (null: a click removed it).
   */
  brushing?: boolean
  brushArea?: readonly [number, number] | null
  onBrushEnd?: (range: [number, number] | null) => void
  theme?: 'dark' | 'light'
}

type BrushAreas = { areas?: { coordRange?: [number, number] }[] }

/** An ECharts canvas that follows its option and its box's size; disposed on unmount. */
export function Chart({ option, label, height = 260, onClick, onBrush, brushing, brushArea, onBrushEnd, theme }: ChartProps) {
  const element = useRef<HTMLDivElement | null>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const handlers = useRef({ onClick, onBrush, onBrushEnd })
  useEffect(() => {
    handlers.current = { onClick, onBrush, onBrushEnd }
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
    // Only the end of a gesture: zooming and redrawing report the areas again through brushSelected.
    instance.on('brushEnd', (params) => handlers.current.onBrushEnd?.((params as BrushAreas).areas?.[0]?.coordRange ?? null))
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element.current)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [theme])

  useEffect(() => {
    // An analyst who asked the system for less motion gets the new figures at once, not grown into.
    const animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    chart.current?.setOption({ backgroundColor: 'transparent', animation, ...option }, { notMerge: true })
  }, [option, theme])

  const brushFrom = brushArea?.[0]
  const brushTo = brushArea?.[1]
  useEffect(() => {
    const instance = chart.current
    if (!instance || brushing === undefined) return
    // Both live outside the option, so they are applied again after every setOption above.
    instance.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: brushing ? 'lineX' : false, brushMode: 'single' } })
    const areas = brushFrom === undefined || brushTo === undefined ? [] : [{ brushType: 'lineX', xAxisIndex: 0, coordRange: [brushFrom, brushTo] }]
    instance.dispatchAction({ type: 'brush', areas })
  }, [option, theme, brushing, brushFrom, brushTo])

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />
}
