import type { EventOutcome } from '../../shared/event'
import type { EventFields } from './normalize'
import type { WindowsEventRecord } from './windows-event'

/** A Windows event as the mapping accepts it (the shared record type, under its short local name). */
export type WindowsRecord = WindowsEventRecord

/** What one event mapping produces before `makeEvent`: the time and host come from the record. */
export type MappedFields = Omit<EventFields, 'ts' | 'host'>

/** A data field as text, or null when absent, empty or `-` (Windows' "not applicable"). */
export function field(record: WindowsRecord, name: string): string | null {
  const value = record.data[name]
  if (value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' || trimmed === '-' ? null : trimmed
}

/** `DOMAIN\name` from a name field and its domain field, as the log gave them (makeEvent normalizes). */
export function account(record: WindowsRecord, nameField: string, domainField: string): string | null {
  const name = field(record, nameField)
  return name === null ? null : qualifiedAccount(name, field(record, domainField))
}

/** `DOMAIN\name`, unless the name already carries a domain (`DOMAIN\name`, `name@domain`) or there is none. */
export function qualifiedAccount(name: string, domain: string | null): string {
  return domain === null || name.includes('\\') || name.includes('@') ? name : `${domain}\\${name}`
}

const hexNumber = /^0x[0-9a-f]+$/i
const decimalNumber = /^-?\d+$/
const hexKeywords = /^0x[0-9a-f]{14,16}$/i

/** Decimal or 0x-hex text as a number; null when it is neither. */
export function integer(text: string | null): number | null {
  if (text === null) return null
  const value = hexNumber.test(text) ? Number.parseInt(text.slice(2), 16) : decimalNumber.test(text) ? Number(text) : Number.NaN
  return Number.isSafeInteger(value) ? value : null
}

/**
 * The audit bits of System/Keywords: 0x0010000000000000 Audit Failure, 0x0020000000000000 Audit
 * Success. Bits 52-55 are the 14th hex digit from the right.
 */
export function auditOutcome(keywords: string | null | undefined): EventOutcome | null {
  if (!keywords || !hexKeywords.test(keywords)) return null
  const nibble = Number.parseInt(keywords.charAt(keywords.length - 14), 16)
  if (nibble & 0x1) return 'failure'
  if (nibble & 0x2) return 'success'
  return null
}

/** Kerberos and NTLM result codes: 0x0 is success, anything else a failure. */
export function statusOutcome(status: string | null): EventOutcome {
  if (status === null) return 'unknown'
  return integer(status) === 0 ? 'success' : 'failure'
}

/** Attributes every mapped Windows event carries, so an event can be traced back to its record. */
export function baseAttrs(record: WindowsRecord): Record<string, unknown> {
  const attrs: Record<string, unknown> = { eventId: record.eventId }
  if (record.recordId !== null) attrs.recordId = record.recordId
  if (record.channel) attrs.channel = record.channel
  return attrs
}

/** Adds the fields that have a value; keeps attrs free of nulls. */
export function withValues(attrs: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') attrs[key] = value
  }
  return attrs
}
