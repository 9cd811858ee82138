import { z } from 'zod'
import { daySchema } from './scoring-schemas'

// Aggregates the screens draw, computed by the engine so the renderer never pages through rows
// to count them: the dashboard's alert figures and a user's hour × weekday pattern.

const count = z.number().int().nonnegative()

/** Days of the workspace, both ends included. */
const spanOfDays = { from: daySchema.optional(), to: daySchema.optional() }

/** Both ends or neither, and `from` not after `to`. */
function isSpan({ from, to }: { from?: string | undefined; to?: string | undefined }): boolean {
  return from === undefined || to === undefined ? from === to : from <= to
}
const spanMessage = 'give from and to (from not after to), or neither'

export const alertStatsQuerySchema = z.object(spanOfDays).strict().refine(isSpan, spanMessage)

export const alertStatsSchema = z.object({
  /**
   * High and Medium alerts of the days asked for. Low ones (days that no longer score) are left
   * out, as `alerts:list` leaves them out unless asked.
   */
  total: count,
  bySeverity: z.object({ high: count, medium: count }),
  byStatus: z.object({ open: count, acknowledged: count, closed: count }),
  /** Anomaly types, most alerts first; an alert counts once for each type it carries. */
  byType: z.array(z.object({ type: z.string(), alerts: count })),
  /** Days that have alerts, oldest first. */
  days: z.array(z.object({ date: daySchema, high: count, medium: count })),
  /** The risk ranking by severity: every scored user, whatever the days asked for. */
  users: z.object({ total: count, high: count, medium: count, low: count }),
})

export const weekHoursQuerySchema = z
  .object({ user: z.string().min(1).max(256), ...spanOfDays })
  .strict()
  .refine(isSpan, spanMessage)

/** counts[weekday][hour]: Monday first, hours 0–23 on the workspace's wall clock. */
const weekHourCounts = z.array(z.array(count).length(24)).length(7)

export const weekHoursPeriodSchema = z.object({
  /** The period's first and last day; null when there is nothing (no events for the user, or none before the period). */
  from: daySchema.nullable(),
  to: daySchema.nullable(),
  events: count,
  counts: weekHourCounts,
})

export const weekHoursSchema = z.object({
  timeZone: z.string(),
  /** The days asked for, or else the user's last seven days with events up to their last event. */
  period: weekHoursPeriodSchema,
  /** Every event of the user before the period: what is usual for them. */
  baseline: weekHoursPeriodSchema,
})

export type AlertStats = z.output<typeof alertStatsSchema>
export type WeekHours = z.output<typeof weekHoursSchema>
export type WeekHoursPeriod = z.output<typeof weekHoursPeriodSchema>
