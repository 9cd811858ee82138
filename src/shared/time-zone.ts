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
