import { zoneOffset } from '../../shared/time-zone'

const dayMs = 86_400_000

/**
 * A workspace day (YYYY-MM-DD on the wall clock of `timeZone`, as the scoring counts days) as
 * the epoch-ms range `events:list` takes: from its midnight, up to the next one (excluded).
 */
export function zonedDayBounds(date: string, timeZone: string): { from: number; to: number } {
  const noon = Date.parse(`${date}T12:00:00Z`)
  return { from: zonedMidnight(noon, timeZone), to: zonedMidnight(noon + dayMs, timeZone) }
}

/** Days of the workspace (YYYY-MM-DD), both ends included. */
export interface DaySpan {
  from: string
  to: string
}

/** A span of workspace days as the epoch-ms range `events:list` takes. */
export function zonedSpanBounds(span: DaySpan, timeZone: string): { from: number; to: number } {
  return { from: zonedDayBounds(span.from, timeZone).from, to: zonedDayBounds(span.to, timeZone).to }
}

/** The instant the wall clock of `timeZone` shows 00:00 on the UTC date of `utcNoon`. */
function zonedMidnight(utcNoon: number, timeZone: string): number {
  const midnight = utcNoon - dayMs / 2
  // Twice: the offset at the first guess may differ from the one at midnight across a DST change.
  const guess = midnight - zoneOffset(midnight, timeZone)
  return midnight - zoneOffset(guess, timeZone)
}
