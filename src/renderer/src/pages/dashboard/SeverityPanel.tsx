import { useMemo } from 'react'
import { Chart, type ChartOption } from '../../components/Chart'
import { EmptyState } from '../../components/EmptyState'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { alertsHref, openHref } from '../../hooks/use-alert-route'
import type { DashboardPalette } from '../../hooks/use-dashboard-palette'
import type { DashboardRange } from './dashboard-range'

export interface SeverityPanelProps {
  /** Alerts per severity over the range; undefined while they are counted. */
  counts: { high: number; medium: number } | undefined
  range: DashboardRange | null
  palette: DashboardPalette
}

const slices = [
  { key: 'high', name: 'High' },
  { key: 'medium', name: 'Medium' },
] as const

/** Alerts by severity as a ring; a slice opens the alerts of that severity (and range). */
export function SeverityPanel({ counts, range, palette }: SeverityPanelProps) {
  const option = useMemo((): ChartOption | undefined => {
    if (!counts) return undefined
    const total = counts.high + counts.medium
    return {
      color: [palette.high, palette.medium],
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d} %)', renderMode: 'richText' },
      legend: { bottom: 0, textStyle: { color: palette.text } },
      title: {
        text: formatCount(total),
        subtext: total === 1 ? 'alert' : 'alerts',
        left: 'center',
        top: '34%',
        textStyle: { color: palette.text, fontSize: 22, fontWeight: 600 },
        subtextStyle: { color: palette.muted },
      },
      series: [
        {
          name: 'Alerts by severity',
          type: 'pie',
          radius: ['48%', '70%'],
          center: ['50%', '45%'],
          label: { color: palette.text, formatter: '{b} {c}' },
          // An empty slice would still draw its label, on top of its neighbour's.
          data: slices
            .filter(({ key }) => counts[key] > 0)
            .map(({ key, name }) => ({ name, value: counts[key], itemStyle: { color: palette[key] } })),
        },
      ],
    }
  }, [counts, palette])

  let body
  if (!counts || !option) body = <Loading label="Counting alerts by severity" lines={5} />
  else if (counts.high + counts.medium === 0) body = <EmptyState title={range ? 'No alerts in these days' : 'No alerts yet'} />
  else {
    body = (
      <Chart
        option={option}
        label={`Alerts by severity: ${formatCount(counts.high)} high, ${formatCount(counts.medium)} medium`}
        height={240}
        theme={palette.theme}
        onClick={(params) => {
          const severity = slices.find((slice) => slice.name === params.name)?.key
          if (severity) openHref(alertsHref({ severity, ...range }))
        }}
      />
    )
  }
  return <Panel title="Severity distribution">{body}</Panel>
}
