import { useEffect, useState } from 'react'
import type { ArgusError } from '../../../shared/errors'
import type { ApiOutput, EventCursor } from '../../../shared/contract'
import { asArgusError, call } from '../api/client'

/** Enough for a stable weekly pattern; more would keep the page waiting on a busy account. */
export const heatmapSampleLimit = 5000
const pageSize = 1000

export interface WeekHourCounts {
  /** counts[weekday][hour]: weekday 0 is Monday, hours 0–23 in `timeZone`. */
  counts: readonly (readonly number[])[]
  /** Events counted: the user's newest, up to `heatmapSampleLimit`. */
  sampled: number
  /** The user has older events than those counted. */
  truncated: boolean
  /** Oldest and newest event counted (epoch ms); null when there were none. */
  from: number | null
  to: number | null
}

export interface UserHeatmapState {
  data: WeekHourCounts | undefined
  loading: boolean
  error: ArgusError | undefined
}

interface Settled {
  key: string
  data: WeekHourCounts | undefined
  error: ArgusError | undefined
}

/**
 * Counts the user's newest events by weekday and hour of day, paging `events:list` until
 * `heatmapSampleLimit`. Only the 7 × 24 counts are kept, never the events themselves.
 */
export function useUserHeatmap(user: string, timeZone: string | undefined): UserHeatmapState {
  const key = `${user} ${timeZone ?? ''}`
  const [settled, setSettled] = useState<Settled | undefined>(undefined)

  useEffect(() => {
    if (timeZone === undefined) return
    let current = true
    countWeekHours(user, timeZone, () => current).then(
      (data) => {
        if (current) setSettled({ key, data, error: undefined })
      },
      (error: unknown) => {
        if (current) setSettled({ key, data: undefined, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [key, timeZone, user])

  const state = settled?.key === key ? settled : undefined
  return { data: state?.data, loading: state === undefined, error: state?.error }
}

async function countWeekHours(user: string, timeZone: string, stillWanted: () => boolean): Promise<WeekHourCounts> {
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  const place = weekHourOf(timeZone)
  let cursor: EventCursor | null = null
  let sampled = 0
  let from: number | null = null
  let to: number | null = null
  do {
    const page: ApiOutput<'events:list'> = await call('events:list', { user, limit: Math.min(pageSize, heatmapSampleLimit - sampled), cursor })
    for (const event of page.items) {
      const [weekday, hour] = place(event.ts)
      const row = counts[weekday]
      if (row) row[hour] = (row[hour] ?? 0) + 1
      // Newest first: the first event is the newest, the last the oldest.
      to ??= event.ts
      from = event.ts
    }
    sampled += page.items.length
    cursor = page.nextCursor
  } while (cursor !== null && sampled < heatmapSampleLimit && stillWanted())
  return { counts, sampled, truncated: cursor !== null, from, to }
}

const weekdayIndex: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 }

/** Epoch ms → [weekday (Monday 0), hour] on the wall clock of `timeZone`. */
function weekHourOf(timeZone: string): (ts: number) => [number, number] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' })
  return (ts) => {
    let weekday = 0
    let hour = 0
    for (const part of format.formatToParts(ts)) {
      if (part.type === 'weekday') weekday = weekdayIndex[part.value] ?? 0
      else if (part.type === 'hour') hour = Number(part.value) % 24
    }
    return [weekday, hour]
  }
}
