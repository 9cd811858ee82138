import { useRef, type KeyboardEvent } from 'react'
import type { ScoredDayRow } from '../../../shared/scoring-schemas'

export interface RiskDayStripProps {
  /** Scored days, oldest first. */
  days: readonly ScoredDayRow[]
  selected: string | undefined
  onSelect: (date: string) => void
}

/** Below this a Low day draws as quiet: nothing stood out. */
const quietRisk = 0.2

/**
 * One cell per scored day, coloured by severity; a radio group, so Tab enters it once and the
 * arrow keys move the selection from day to day.
 */
export function RiskDayStrip({ days, selected, onSelect }: RiskDayStripProps) {
  const strip = useRef<HTMLDivElement | null>(null)
  const selectedIndex = days.findIndex((day) => day.date === selected)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }
    let target: number | undefined
    if (event.key in step) target = Math.max(0, Math.min(days.length - 1, selectedIndex + (step[event.key] ?? 0)))
    else if (event.key === 'Home') target = 0
    else if (event.key === 'End') target = days.length - 1
    const day = target === undefined ? undefined : days[target]
    if (!day) return
    event.preventDefault()
    onSelect(day.date)
    strip.current?.querySelector<HTMLElement>(`[data-date="${day.date}"]`)?.focus()
  }

  const first = days[0]
  const last = days.at(-1)
  return (
    <div className="risk-strip">
      <div ref={strip} className="risk-strip-cells" role="radiogroup" aria-label="Scored days" onKeyDown={onKeyDown}>
        {days.map((day, index) => {
          const checked = day.date === selected
          const tone = day.severity === 'low' && day.risk < quietRisk ? 'quiet' : day.severity
          return (
            <button
              key={day.date}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked || (selectedIndex < 0 && index === 0) ? 0 : -1}
              data-date={day.date}
              className={`risk-cell risk-cell-${tone}`}
              title={`${day.date}: risk ${day.risk.toFixed(2)}, ${day.severity}, ${day.events} events`}
              aria-label={`${day.date}, risk ${day.risk.toFixed(2)}, ${day.severity}`}
              onClick={() => onSelect(day.date)}
            />
          )
        })}
      </div>
      {first && last ? (
        <div className="risk-strip-legend">
          <span>{first.date}</span>
          <span className="risk-strip-key">
            <span className="risk-cell risk-cell-high" aria-hidden="true" /> High
            <span className="risk-cell risk-cell-medium" aria-hidden="true" /> Medium
            <span className="risk-cell risk-cell-low" aria-hidden="true" /> Low
            <span className="risk-cell risk-cell-quiet" aria-hidden="true" /> nothing stood out
          </span>
          <span>{last.date}</span>
        </div>
      ) : null}
    </div>
  )
}
