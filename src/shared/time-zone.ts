/** True for a time zone name this runtime knows (IANA names such as `Europe/Berlin`, and `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The runtime's spelling of a zone it knows, whatever the case it was typed in (`europe/berlin` → `Europe/Berlin`). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** How far ahead of UTC the wall clock of `timeZone` is at the instant `utcMs`, in ms. */
export function zoneOffset(utcMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs))
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0)
  const wallClock = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'))
  return wallClock - (utcMs - (((utcMs % 1000) + 1000) % 1000))
}
