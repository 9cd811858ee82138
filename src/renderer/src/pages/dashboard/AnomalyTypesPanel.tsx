import { useMemo } from 'react'
import { alertTypeLabel } from '../../components/AlertTypeChips'
import { Chart, type ChartOption } from '../../components/Chart'
import { EmptyState } from '../../components/EmptyState'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { alertsHref, openHref } from '../../hooks/use-alert-route'
import type { DashboardPalette } from '../../hooks/use-dashboard-palette'
import type { DashboardRange } from './dashboard-range'

export interface AnomalyTypesPanelProps {
  /** Alerts per anomaly type, most frequent first; undefined while they are counted. */
  types: readonly { type: string; alerts: number }[] | undefined
  range: DashboardRange | null
  palette: DashboardPalette
}

/** Alerts by anomaly type; a bar opens the alerts of that type (and range). */
export function AnomalyTypesPanel({ types, range, palette }: AnomalyTypesPanelProps) {
  const option = useMemo((): ChartOption | undefined => {
    if (!types) return undefined
    // Drawn bottom-up, so the most frequent type goes last to sit on top.
    const ordered = [...types].reverse()
    return {
      color: [palette.accent],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      grid: { left: 140, right: 36, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: palette.muted }, splitLine: { lineStyle: { color: palette.border } } },
      yAxis: { type: 'category', data: ordered.map(({ type }) => alertTypeLabel(type)), axisLabel: { color: palette.text } },
      series: [
        {
          name: 'Alerts',
          type: 'bar',
          barMaxWidth: 18,
          label: { show: true, position: 'right', color: palette.muted },
          data: ordered.map(({ alerts }) => alerts),
        },
      ],
    }
  }, [types, palette])

  let body
  if (!types || !option) body = <Loading label="Counting alerts by type" lines={5} />
  else if (types.length === 0) body = <EmptyState title={range ? 'No alerts in these days' : 'No alerts yet'} />
  else {
    const ordered = [...types].reverse()
    body = (
      <Chart
        option={option}
        label={`Alerts by anomaly type: ${types.map(({ type, alerts }) => `${alertTypeLabel(type)} ${formatCount(alerts)}`).join(', ')}`}
        height={Math.max(160, types.length * 24 + 40)}
        theme={palette.theme}
        onClick={(params) => {
          const type = ordered[params.dataIndex]?.type
          if (type) openHref(alertsHref({ type, ...range }))
        }}
      />
    )
  }
  return (
    <Panel title="Anomaly types" aside={<span className="muted dashboard-hint">an alert counts once per type</span>}>
      {body}
    </Panel>
  )
}
