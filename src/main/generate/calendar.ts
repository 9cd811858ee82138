// Dates and the timestamp texts each format writes. Everything is UTC: the workspace's default
// zone, so CERT's zone-less wall clock, rsyslog's `+00:00` and ECS's `Z` all land on one day.

export const dayMs = 86_400_000
export const hourMs = 3_600_000
export const minuteMs = 60_000

/** `2024-03-04` → epoch ms of that midnight (UTC), or null when it is not a real date. */
export function parseDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  const ts = Date.parse(`${text}T00:00:00Z`)
  return Number.isNaN(ts) || new Date(ts).toISOString().slice(0, 10) !== text ? null : ts
}

/** `YYYY-MM-DD` of an epoch ms. */
export function dateOf(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ts: number): number {
  return new Date(ts).getUTCDay()
}

export function isWeekend(ts: number): boolean {
  const weekday = weekdayOf(ts)
  return weekday === 0 || weekday === 6
}

const twoDigits: readonly string[] = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'))
const threeDigits: readonly string[] = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'))

/**
 * Date parts of the last day asked for: formatting runs once per line, and lines come day by
 * day, so the calendar arithmetic is done once per day rather than once per line.
 */
let cachedDay = Number.NaN
let cachedIsoDate = ''
let cachedCertDate = ''

function dayParts(time: number): number {
  // Callers compute times as fractions of a window; the formats hold whole milliseconds.
  const ts = Math.floor(time)
  const day = Math.floor(ts / dayMs)
  if (day !== cachedDay) {
    const iso = new Date(day * dayMs).toISOString()
    cachedDay = day
    cachedIsoDate = iso.slice(0, 10)
    cachedCertDate = `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`
  }
  return ts - day * dayMs
}

function clock(msOfDay: number): string {
  const seconds = Math.floor(msOfDay / 1000)
  return `${twoDigits[Math.floor(seconds / 3600)]}:${twoDigits[Math.floor(seconds / 60) % 60]}:${twoDigits[seconds % 60]}`
}

/** `2024-03-04T08:12:33.120Z` (ECS `@timestamp`, transaction times). */
export function isoStamp(ts: number): string {
  const msOfDay = dayParts(ts)
  return `${cachedIsoDate}T${clock(msOfDay)}.${threeDigits[msOfDay % 1000]}Z`
}

/** `2024-03-04T08:12:33.120417+00:00`: rsyslog's RSYSLOG_FileFormat (microseconds, numeric offset). */
export function rsyslogStamp(time: number): string {
  const msOfDay = dayParts(time)
  const ts = Math.floor(time)
  // The clock has milliseconds; the last three digits are a stable function of the time.
  const micro = threeDigits[(Math.imul(ts % 1_000_003, 2654435761) >>> 22) % 1000]
  return `${cachedIsoDate}T${clock(msOfDay)}.${threeDigits[msOfDay % 1000]}${micro}+00:00`
}

/** `03/04/2024 08:12:33`: the CERT insider-threat tables' wall clock. */
export function certStamp(ts: number): string {
  const msOfDay = dayParts(ts)
  return `${cachedCertDate} ${clock(msOfDay)}`
}
