import { useMemo } from 'react'
import type { DetectorPrecision } from '../../../../shared/scoring-schemas'
import { detectorLabel } from '../../components/AlertDetectors'
import { Chart, type ChartOption } from '../../components/Chart'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { alertsHref, openHref } from '../../hooks/use-alert-route'
import { useCall } from '../../hooks/use-call'
import type { DashboardPalette } from '../../hooks/use-dashboard-palette'
import { useEvent } from '../../hooks/use-event'

export interface PrecisionPanelProps {
  palette: DashboardPalette
}

/** Of the judged alerts each detector scored high on, the share analysts called true positives. */
export function PrecisionPanel({ palette }: PrecisionPanelProps) {
  const precision = useCall('scoring:precision', {})
  useEvent('scoring:finished', precision.reload)
  const items = precision.data?.items
  const option = useMemo(() => (items ? precisionOption(items, palette) : undefined), [items, palette])

  let body
  if (precision.error) {
    body = <ErrorBanner title="Could not read detector precision" error={precision.error} onRetry={precision.reload} />
  } else if (!items || !option) {
    body = <Loading label="Loading detector precision" lines={5} />
  } else if (items.every((item) => item.judged === 0)) {
    body = (
      <EmptyState title="No verdicts yet">
        <a href={alertsHref({ status: 'open' })}>Triage open alerts</a> as true or false positives; each detector&apos;s precision appears
        here.
      </EmptyState>
    )
  } else {
    body = (
      <Chart
        option={option}
        label={`Detector precision from verdicts: ${items.map((item) => `${detectorLabel(item.detector)} ${describe(item)}`).join(', ')}`}
        height={220}
        theme={palette.theme}
        onClick={() => openHref(alertsHref({ status: 'closed' }))}
      />
    )
  }
  return (
    <Panel title="Detector precision" aside={<span className="muted dashboard-hint">from verdicts · a bar opens closed alerts</span>}>
      {body}
    </Panel>
  )
}

function describe(item: DetectorPrecision): string {
  return item.precision === null ? 'no verdicts' : `${Math.round(item.precision * 100)} % of ${item.judged}`
}

function precisionOption(items: readonly DetectorPrecision[], palette: DashboardPalette): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      // Drawn on the canvas: HTML tooltips carry style attributes, which the CSP refuses.
      renderMode: 'richText',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const item = items[params[0]?.dataIndex ?? -1]
        if (!item) return ''
        return `${detectorLabel(item.detector)}: ${item.judged === 0 ? 'no judged alerts it scored ≥ 0.5 on' : `${item.truePositives} true of ${item.judged} judged`}`
      },
    },
    grid: { left: 44, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: items.map((item) => detectorLabel(item.detector)), axisLabel: { color: palette.text } },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: palette.muted, formatter: '{value} %' },
      splitLine: { lineStyle: { color: palette.border } },
    },
    series: [
      {
        name: 'Precision',
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top', color: palette.muted, formatter: (params: { dataIndex: number }) => labelOf(items[params.dataIndex]) },
        data: items.map((item) => ({
          value: item.precision === null ? 0 : Math.round(item.precision * 1000) / 10,
          itemStyle: { color: item.precision === null ? palette.border : item.precision >= 0.5 ? palette.low : palette.medium },
        })),
      },
    ],
  }
}

function labelOf(item: DetectorPrecision | undefined): string {
  if (!item) return ''
  return item.precision === null ? 'no verdicts' : `${Math.round(item.precision * 100)} % (${item.truePositives}/${item.judged})`
}
