import type { WeekHours, WeekHoursPeriod } from '../../../../shared/stats-schemas'
import { weekdayNames } from '../../format'

/** What the heatmap shows: the period's pattern, the usual one before it, or how they differ. */
export type HeatmapView = 'period' | 'baseline' | 'difference'

/** values[weekday][hour], Monday first. */
export type WeekHourGrid = readonly (readonly number[])[]

/** Each cell's share of the period's events, in percent (all 0 for an empty period). */
export function shares(period: WeekHoursPeriod): WeekHourGrid {
  return period.counts.map((row) => row.map((count) => (period.events === 0 ? 0 : (100 * count) / period.events)))
}

/**
 * The period's share minus the usual share, in percentage points: shares rather than counts,
 * so a week and a year of history compare.
 */
export function shareDifference(weekHours: WeekHours): WeekHourGrid {
  const recent = shares(weekHours.period)
  const usual = shares(weekHours.baseline)
  return recent.map((row, weekday) => row.map((share, hour) => share - (usual[weekday]?.[hour] ?? 0)))
}

export function gridFor(weekHours: WeekHours, view: HeatmapView): WeekHourGrid {
  if (view === 'difference') return shareDifference(weekHours)
  return shares(view === 'period' ? weekHours.period : weekHours.baseline)
}

/** The cell furthest from zero: the busiest hour, or the hour that moved most. */
export function strongestCell(grid: WeekHourGrid): { weekday: number; hour: number; value: number } | null {
  let strongest: { weekday: number; hour: number; value: number } | null = null
  grid.forEach((row, weekday) =>
    row.forEach((value, hour) => {
      if (value !== 0 && (strongest === null || Math.abs(value) > Math.abs(strongest.value))) strongest = { weekday, hour, value }
    }),
  )
  return strongest
}

/** `Tue 03:00` */
export function cellName(weekday: number, hour: number): string {
  return `${weekdayNames[weekday] ?? ''} ${String(hour).padStart(2, '0')}:00`
}

/** A share or a difference as the heatmap writes it: `4.2 %`, `+3.1 pt`. */
export function formatShare(value: number, signed = false): string {
  const text = `${Math.abs(value) < 0.05 ? '0.0' : Math.abs(value).toFixed(1)}`
  if (!signed) return `${text} %`
  return `${value >= 0.05 ? '+' : value <= -0.05 ? '−' : '±'}${text} pt`
}
