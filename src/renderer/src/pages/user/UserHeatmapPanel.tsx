import { useCallback, useMemo, useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { HeatmapWeekHour } from '../../components/HeatmapWeekHour'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import type { UserHeatmapState } from '../../hooks/use-user-heatmap'
import { cellName, formatShare, gridFor, shares, strongestCell, type HeatmapView } from './week-hour-views'

const views: readonly { view: HeatmapView; label: string }[] = [
  { view: 'period', label: 'Recent' },
  { view: 'baseline', label: 'Baseline' },
  { view: 'difference', label: 'Difference' },
]

/**
 * When in the week the user is active: in the brushed days (or their last week) against their
 * own earlier pattern, as shares of each period's events so periods of any length compare.
 */
export function UserHeatmapPanel({ heatmap, spanned, theme }: { heatmap: UserHeatmapState; spanned: boolean; theme: 'dark' | 'light' }) {
  const [view, setView] = useState<HeatmapView>('period')
  const data = heatmap.data
  const grid = useMemo(() => (data ? gridFor(data, view) : undefined), [data, view])
  const describe = useCallback(
    (weekday: number, hour: number): string => {
      if (!data) return ''
      const recent = shares(data.period)[weekday]?.[hour] ?? 0
      const usual = shares(data.baseline)[weekday]?.[hour] ?? 0
      const count = data.period.counts[weekday]?.[hour] ?? 0
      return `${cellName(weekday, hour)}–${String(hour).padStart(2, '0')}:59\nrecent ${formatShare(recent)} (${formatCount(count)} events)\nbaseline ${formatShare(usual)}`
    },
    [data],
  )
  const noBaseline = data !== undefined && data.baseline.events === 0
  const shown = noBaseline ? 'period' : view

  const switcher = (
    <div className="risk-switch" role="group" aria-label="Heatmap view">
      {views.map(({ view: option, label }) => (
        <button key={option} type="button" className="button" aria-pressed={shown === option} disabled={option !== 'period' && noBaseline} onClick={() => setView(option)}>
          {option === 'period' && spanned ? 'Selected days' : label}
        </button>
      ))}
    </div>
  )

  let body
  if (heatmap.error) body = <ErrorBanner error={heatmap.error} title="Could not count the user’s events" onRetry={heatmap.reload} />
  else if (!data || !grid) body = <Loading label="Counting the user’s events" lines={6} />
  else if (data.period.events === 0) body = <EmptyState title={spanned ? 'No events for this user in the selected days' : 'No events for this user'} />
  else {
    const values = shown === view ? grid : gridFor(data, shown)
    body = (
      <>
        <HeatmapWeekHour values={values} scale={shown === 'difference' ? 'difference' : 'share'} label={heatmapLabel(shown, values)} describe={describe} theme={theme} />
        <p className="user-caption">
          {periodText(spanned ? 'Selected days' : 'Recent (last 7 days)', data.period)}; {data.baseline.events > 0 ? periodText('baseline', data.baseline) : 'no earlier events to compare with'}.{' '}
          {shown === 'difference' ? 'Warm: a larger share of the activity than usual in that hour; cool: a smaller one (percentage points). ' : 'Shares of the period’s events. '}
          Hours in {data.timeZone}.
        </p>
      </>
    )
  }
  return (
    <Panel title="Hour of day × weekday" aside={switcher}>
      {body}
    </Panel>
  )
}

function periodText(name: string, period: { from: string | null; to: string | null; events: number }): string {
  return `${name} ${period.from ?? '…'} to ${period.to ?? '…'}, ${formatCount(period.events)} events`
}

function heatmapLabel(view: HeatmapView, values: ReturnType<typeof gridFor>): string {
  const strongest = strongestCell(values)
  if (!strongest) return 'Hour by weekday heatmap: no events'
  const cell = cellName(strongest.weekday, strongest.hour)
  if (view === 'difference') return `Hour by weekday heatmap, change from baseline: largest at ${cell} (${formatShare(strongest.value, true)})`
  return `Hour by weekday heatmap${view === 'baseline' ? ', baseline' : ''}: busiest ${cell} with ${formatShare(strongest.value)} of events`
}
