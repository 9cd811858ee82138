// RFC 4180 fields without a regex per line: native indexOf finds the next comma or quote, so an
// unquoted row costs one scan. Shared by every CSV parser.

const quote = 34 // "

/**
 * The fields of one CSV record, or null when a quoted field is still open at the end of the
 * text (the record continues on the next line). Quoted fields may hold commas and doubled
 * quotes (`""`). Lenient where exporters are sloppy: a quote inside an unquoted field is
 * literal, and text between a closing quote and the next comma stays in the field.
 */
export function splitCsvRecord(text: string): string[] | null {
  const fields: string[] = []
  const length = text.length
  let position = 0
  for (;;) {
    if (position < length && text.charCodeAt(position) === quote) {
      let value = ''
      let chunk = position + 1
      for (;;) {
        const closing = text.indexOf('"', chunk)
        if (closing < 0) return null
        if (text.charCodeAt(closing + 1) === quote) {
          value += text.slice(chunk, closing + 1)
          chunk = closing + 2
          continue
        }
        value += text.slice(chunk, closing)
        position = closing + 1
        break
      }
      const comma = text.indexOf(',', position)
      if (comma < 0) {
        fields.push(position < length ? value + text.slice(position) : value)
        return fields
      }
      fields.push(comma > position ? value + text.slice(position, comma) : value)
      position = comma + 1
    } else {
      const comma = text.indexOf(',', position)
      if (comma < 0) {
        fields.push(text.slice(position))
        return fields
      }
      fields.push(text.slice(position, comma))
      position = comma + 1
    }
  }
}

/**
 * A header cell as the parsers compare it: no BOM, lower-case, runs of anything but letters
 * and digits turned into one `_` (`"Event DateTime"` → `event_datetime`, `txn-time` → `txn_time`).
 */
export function normalizeHeaderName(name: string): string {
  let text = name.charCodeAt(0) === 0xfeff ? name.slice(1) : name
  text = text.trim().toLowerCase()
  let result = ''
  let pendingSeparator = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const alphanumeric = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127
    if (alphanumeric) {
      if (pendingSeparator && result !== '') result += '_'
      pendingSeparator = false
      result += text[index]
    } else {
      pendingSeparator = true
    }
  }
  return result
}

/** The first line of a sniffing sample that is not blank, split as a CSV record (null if none). */
export function firstCsvRow(lines: readonly string[]): string[] | null {
  for (const line of lines) {
    if (line.trim() === '') continue
    return splitCsvRecord(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line)
  }
  return null
}

/** Index of the first header name found among `candidates` (in the candidates' order), or -1. */
export function findColumn(header: readonly string[], candidates: readonly string[]): number {
  for (const candidate of candidates) {
    const index = header.indexOf(candidate)
    if (index >= 0) return index
  }
  return -1
}

/** `event_datetime` → `eventDatetime`: attrs keys read like the rest of the event. */
export function camelCase(name: string): string {
  let result = ''
  let upper = false
  for (const character of name) {
    if (character === '_') {
      upper = result !== ''
      continue
    }
    result += upper ? character.toUpperCase() : character
    upper = false
  }
  return result
}

const maxAttrColumns = 32
const maxAttrText = 256

/**
 * The columns no normalized field took, for attrs: numbers as numbers, text cut at 256
 * characters, empty cells left out, at most 32 columns (attrs stay small).
 */
export function otherColumns(
  fields: readonly string[],
  keys: readonly string[],
  used: ReadonlySet<number>,
  attrs: Record<string, unknown>,
): Record<string, unknown> {
  let count = 0
  for (let index = 0; index < keys.length && count < maxAttrColumns; index++) {
    if (used.has(index)) continue
    const key = keys[index]
    const value = fields[index]?.trim()
    if (!key || !value || key in attrs) continue
    attrs[key] = isDecimal(value) ? Number(value) : value.length > maxAttrText ? value.slice(0, maxAttrText) : value
    count++
  }
  return attrs
}

/**
 * A plain decimal such as `-12`, `0.5`, `300`: safe to store as a number. Identifiers with
 * leading zeros (`007`, zip codes) and long digit strings (account numbers) stay text.
 */
export function isDecimal(text: string): boolean {
  const length = text.length
  if (length === 0 || length > 15) return false
  let index = text.charCodeAt(0) === 45 /* - */ ? 1 : 0
  if (index === length) return false
  if (text.charCodeAt(index) === 48 && index + 1 < length && text.charCodeAt(index + 1) !== 46) return false
  let digits = 0
  let dot = false
  for (; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code === 46 /* . */ && !dot && digits > 0) dot = true
    else if (code >= 48 && code <= 57) digits++
    else return false
  }
  return text.charCodeAt(length - 1) !== 46
}
