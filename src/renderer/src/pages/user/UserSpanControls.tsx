import type { DaySpan } from '../../zoned-day'

export interface UserSpanControlsProps {
  span: DaySpan | null
  brushing: boolean
  onBrushing: (brushing: boolean) => void
  onClear: () => void
}

/** Switches the timeline between clicking a day and dragging a span of days; shows and clears the span. */
export function UserSpanControls({ span, brushing, onBrushing, onClear }: UserSpanControlsProps) {
  return (
    <div className="user-day-steps" role="group" aria-label="Span of days">
      <button type="button" className="button" aria-pressed={brushing} onClick={() => onBrushing(!brushing)} title="Then drag across the timeline">
        {brushing ? 'Drag across the chart…' : 'Select days'}
      </button>
      {span ? (
        <button type="button" className="button button-quiet" onClick={onClear} aria-label={`Clear the days ${span.from} to ${span.to}`}>
          {span.from === span.to ? span.from : `${span.from} to ${span.to}`} ×
        </button>
      ) : null}
    </div>
  )
}
