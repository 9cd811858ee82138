import { useId } from 'react'
import type { DayCount } from '../../../shared/contract'
import { formatCount } from '../format'

export interface DayBarsProps {
  /** Days with events, oldest first, as `stats:eventsPerDay` returns them. */
  days: readonly DayCount[]
  timeZone: string
}

const dayMs = 86_400_000
const barWidth = 10
const barGap = 2
const chartHeight = 64
/** Widest a day may draw, in CSS pixels: a three-day workspace gets slim bars, not slabs. */
const maximumDayWidth = 28
/** Beyond this span the gaps are not filled in, so a stray 1970 timestamp cannot draw 20,000 bars. */
const maximumFilledDays = 1500

export function DayBars({ days, timeZone }: DayBarsProps) {
  const titleId = useId()
  const series = withEmptyDays(days)
  const first = series[0]
  const last = series.at(-1)
  if (first === undefined || last === undefined) return null

  const peak = series.reduce((top, day) => (day.events > top.events ? day : top), first)
  const total = series.reduce((sum, day) => sum + day.events, 0)
  const width = series.length * (barWidth + barGap)
  const scale = chartHeight / Math.max(1, peak.events)
  const summary =
    `Events per day (${timeZone}), ${first.date} to ${last.date}: ${formatCount(total)} events, ` +
    `peak ${formatCount(peak.events)} on ${peak.date}`

  return (
    <figure className="day-bars" style={{ maxWidth: series.length * maximumDayWidth }}>
      <svg
        className="day-bars-chart"
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${chartHeight}`}
        preserveAspectRatio="none"
      >
        <title id={titleId}>{summary}</title>
        {series.map((day, index) => {
          // A day with any events stays visible next to a peak in the millions.
          const height = day.events === 0 ? 0 : Math.max(1.5, day.events * scale)
          return (
            <rect
              key={day.date}
              className="day-bar"
              x={index * (barWidth + barGap)}
              y={chartHeight - height}
              width={barWidth}
              height={height}
            >
              <title>{`${day.date}: ${formatCount(day.events)} events`}</title>
            </rect>
          )
        })}
      </svg>
      <figcaption className="day-bars-caption">
        <span>{first.date}</span>
        <span>
          peak {formatCount(peak.events)} on {peak.date} · {timeZone}
        </span>
        <span>{last.date}</span>
      </figcaption>
    </figure>
  )
}

/** The server lists only days with events; a time axis needs the quiet days too. */
function withEmptyDays(days: readonly DayCount[]): readonly DayCount[] {
  const first = days[0]
  const last = days.at(-1)
  if (first === undefined || last === undefined) return days
  const start = Date.parse(`${first.date}T00:00:00Z`)
  const end = Date.parse(`${last.date}T00:00:00Z`)
  const span = Math.round((end - start) / dayMs) + 1
  if (!Number.isFinite(span) || span > maximumFilledDays || span <= days.length) return days
  const counts = new Map(days.map((day) => [day.date, day.events]))
  return Array.from({ length: span }, (_, index) => {
    const date = new Date(start + index * dayMs).toISOString().slice(0, 10)
    return { date, events: counts.get(date) ?? 0 }
  })
}
