// Small readers for JSON exports of Windows events: values of any JSON type as text, nested or
// dotted paths, time fields, Keywords in their three spellings, EventData embedded as XML text.
import { parseIsoWithOffset } from './time'

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A scalar as the text an EVTX reader would give; null for objects, arrays and absent values. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return ''
  return null
}

/** `winlog.event_id` as a nested path, or as one dotted key (flattened exports). */
export function at(object: JsonObject, path: string): unknown {
  if (path in object) return object[path]
  let current: unknown = object
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined
    current = current[part]
  }
  return current
}

const digits = /^\s*\d+\s*$/
const hexText = /^0x[0-9a-f]+$/i

/** An integer from a number or numeric text. */
export function integerOf(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && digits.test(value) ? Number(value) : Number.NaN
  return Number.isSafeInteger(number) ? number : null
}

/** ISO 8601 with a zone (Z or offset), or null: a time without zone is not a usable time. */
export function zonedTime(value: unknown): number | null {
  return typeof value === 'string' ? parseIsoWithOffset(value.trim()) : null
}

const sysmonUtc = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/

/** Sysmon's `UtcTime` (`2020-09-21 23:26:05.384`): no zone marker, but UTC by definition. */
export function sysmonUtcTime(value: string | undefined): number | null {
  const match = value === undefined ? null : sysmonUtc.exec(value)
  if (!match) return null
  const [, year, month, day, hour, minute, second, fraction] = match
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second),
    Number((fraction ?? '0').padEnd(3, '0')))
  return Number.isFinite(ms) ? ms : null
}

const wallClock = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/
const quarterHour = 15 * 60 * 1000

function wallClockAsUtc(value: unknown): number | null {
  const match = typeof value === 'string' ? wallClock.exec(value) : null
  if (!match) return null
  const [, year, month, day, hour, minute, second] = match.map(Number)
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!)
  return Number.isFinite(ms) ? ms : null
}

/**
 * NXLog writes `EventTime` and `EventReceivedTime` in the collector's local time without a zone;
 * Logstash's `@timestamp` is the receipt as UTC. Their difference gives the collector's offset
 * (whole quarter hours), which places EventTime exactly: derived from the record, not guessed.
 */
export function nxlogEventTime(eventTime: unknown, receivedTime: unknown, timestamp: unknown): number | null {
  const event = wallClockAsUtc(eventTime)
  const received = wallClockAsUtc(receivedTime)
  const receipt = zonedTime(timestamp)
  if (event === null || received === null || receipt === null) return null
  const offset = Math.round((receipt - received) / quarterHour) * quarterHour
  // More than a few seconds of drift means the fields do not describe the same receipt.
  return Math.abs(receipt - received - offset) < 60_000 ? event + offset : null
}

/**
 * Keywords as `0x…` hex whatever the export wrote: hex text (`0x8010000000000000`), a signed 64-bit
 * number (NXLog: -9214364837600034816) or Winlogbeat's names (`["Audit Failure"]`).
 */
export function keywordsOf(value: unknown): string | null {
  if (typeof value === 'string' && hexText.test(value)) return value.toLowerCase()
  if (typeof value === 'number' && Number.isInteger(value)) {
    // The audit bits are high bits, which a double holds exactly.
    return `0x${BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0')}`
  }
  if (Array.isArray(value)) {
    let bits = 0
    for (const name of value) {
      if (name === 'Audit Failure') bits |= 1
      if (name === 'Audit Success') bits |= 2
    }
    return bits === 0 ? null : `0x00${bits}0000000000000`
  }
  return null
}

const xmlDataElement = /<Data(?:\s+Name="([^"]*)")?\s*(?:\/>|>([^<]*)<\/Data>)/g
const xmlLeafElement = /<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>([^<]*)<\/\1>/g
const xmlEntity = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi
const namedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function unescapeXml(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(xmlEntity, (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : namedEntities[name!.toLowerCase()] ?? '')
}

/**
 * EventData or UserData embedded as XML text (Azure Sentinel's `Event`/`WindowsEvent` tables):
 * `<Data Name="X">v</Data>` by name (unnamed as Data0…), otherwise every leaf element by name.
 */
export function dataFromXml(xml: string, data: Record<string, string>): void {
  let unnamed = 0
  let found = false
  for (const match of xml.matchAll(xmlDataElement)) {
    found = true
    data[match[1] ?? `Data${unnamed++}`] = unescapeXml(match[2] ?? '')
  }
  if (found) return
  for (const match of xml.matchAll(xmlLeafElement)) data[match[1]!] = unescapeXml(match[2] ?? '')
}

/** Leaves of a nested object by their own key (UserData exported as JSON). */
export function leavesOf(object: JsonObject, data: Record<string, string>, depth = 0): void {
  for (const [key, value] of Object.entries(object)) {
    if (key === '#attributes' || key.startsWith('@') || key === 'xmlns') continue
    const text = textOf(value)
    if (text !== null) data[key] = text
    else if (isObject(value) && depth < 8) leavesOf(value, data, depth + 1)
  }
}
