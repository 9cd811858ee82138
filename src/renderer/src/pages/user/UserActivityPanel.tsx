import { useMemo, useState } from 'react'
import type { DayCount } from '../../../../shared/contract'
import type { ScoredDayRow } from '../../../../shared/scoring-schemas'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Panel } from '../../components/Panel'
import { RiskDayStrip } from '../../components/RiskDayStrip'
import { TimelineActivityChart } from '../../components/TimelineActivityChart'
import type { CallState } from '../../hooks/use-call'
import type { DaySpan } from '../../zoned-day'
import { pinnedDays, type PinnedEvent } from './pinned-days'
import { dateRange, nextAnomalousDay, previousAnomalousDay } from './scored-days'
import { UserSpanControls } from './UserSpanControls'

export interface UserActivityPanelProps {
  days: readonly ScoredDayRow[]
  activity: CallState<{ timeZone: string; days: DayCount[] }>
  selected: string | undefined
  onSelect: (date: string) => void
  theme: 'dark' | 'light'
  /** The user's events pinned to cases, marked on the timeline. */
  pinned?: readonly PinnedEvent[]
  /** The days brushed on the timeline, which the logs and the heatmap narrow to. */
  span: DaySpan | null
  onSpan: (span: DaySpan | null) => void
}

/** The scored days as a strip, the events-and-risk timeline, and stepping between anomalous days. */
export function UserActivityPanel({ days, activity, selected, onSelect, theme, pinned, span, onSpan }: UserActivityPanelProps) {
  // Brushing takes the mouse from day clicks; it ends with each span drawn.
  const [brushing, setBrushing] = useState(false)
  const previous = previousAnomalousDay(days, selected)
  const next = nextAnomalousDay(days, selected)
  const activityDays = activity.data?.days
  const dates = useMemo(() => {
    const all = [...days.map((day) => day.date), ...(activityDays ?? []).map((day) => day.date)].sort()
    const first = all[0]
    const last = all.at(-1)
    return first && last ? dateRange(first, last) : []
  }, [activityDays, days])
  const timeZone = activity.data?.timeZone
  const pins = useMemo(() => (pinned && timeZone ? pinnedDays(pinned, timeZone) : []), [pinned, timeZone])

  return (
    <Panel
      title="Activity"
      aside={
        <>
          <UserSpanControls span={span} brushing={brushing} onBrushing={setBrushing} onClear={() => onSpan(null)} />
          <div className="user-day-steps" role="group" aria-label="Anomalous days (Medium or above)">
            <button type="button" className="button" disabled={!previous} onClick={() => previous && onSelect(previous.date)}>
              ← Previous anomalous day
            </button>
            <button type="button" className="button" disabled={!next} onClick={() => next && onSelect(next.date)}>
              Next anomalous day →
            </button>
          </div>
        </>
      }
    >
      <RiskDayStrip days={days} selected={selected} onSelect={onSelect} />
      {activity.error ? (
        <ErrorBanner error={activity.error} title="Could not load the events per day" onRetry={activity.reload} />
      ) : (
        <TimelineActivityChart
          dates={dates}
          activity={activityDays ?? []}
          days={days}
          selected={selected}
          onSelect={onSelect}
          theme={theme}
          pinned={pins}
          span={span}
          brushing={brushing}
          onSpan={(brushed) => {
            setBrushing(false)
            onSpan(brushed)
          }}
        />
      )}
      <p className="user-caption">
        Bars: the user’s events per day{activity.data ? ` (${activity.data.timeZone})` : ''}; line: the day’s risk, dots
        coloured by severity{pins.length > 0 ? '; pins: events pinned to a case' : ''}. Scroll or drag the slider to zoom; click a scored day to select it; “Select days”, then drag, narrows the logs and the heatmap to a span.
      </p>
    </Panel>
  )
}
