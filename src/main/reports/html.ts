// Text → HTML helpers for the report. Every value from the workspace passes through escapeHtml
// (or cssString inside the style sheet) before it reaches the document: notes, user names,
// hosts and file paths are attacker-influenced.

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char)
}

/**
 * A quoted CSS string (for `content:` in page margin boxes). Everything but letters, digits and
 * spaces becomes a hex escape, so neither a quote nor `</style>` can end it early.
 */
export function cssString(text: string): string {
  const escaped = Array.from(text, (char) => (/^[\p{L}\p{N} ]$/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('')
  return `"${escaped}"`
}

/** `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD` with dateOnly) in the workspace's time zone. */
export function formatTime(epochMs: number, timeZone: string, dateOnly = false): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(epochMs)
      .map((part) => [part.type, part.value]),
  )
  const date = `${parts.year}-${parts.month}-${parts.day}`
  return dateOnly ? date : `${date} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** A risk in [0, 1] as shown everywhere in Argus: two decimals. */
export function formatRisk(risk: number): string {
  return risk.toFixed(2)
}
