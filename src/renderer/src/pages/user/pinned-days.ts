import type { ApiOutput } from '../../../../shared/contract'
import type { PinnedDay } from '../../components/TimelineActivityChart'
import { formatZonedDate } from '../../format'

export type PinnedEvent = ApiOutput<'cases:pinnedEvents'>['items'][number]

/** Pinned events counted per workspace day (the timeline's days), oldest first, with their cases' titles. */
export function pinnedDays(events: readonly PinnedEvent[], timeZone: string): PinnedDay[] {
  const byDate = new Map<string, { events: Set<number>; cases: Set<string> }>()
  for (const event of events) {
    const date = formatZonedDate(event.ts, timeZone)
    const day = byDate.get(date) ?? { events: new Set(), cases: new Set() }
    // An event pinned to two cases is one event on the timeline.
    day.events.add(event.eventId)
    day.cases.add(event.caseTitle)
    byDate.set(date, day)
  }
  return [...byDate]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([date, day]) => ({ date, count: day.events.size, cases: [...day.cases] }))
}
