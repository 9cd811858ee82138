// JSON records read through a saved field mapping (normalized field → dot path): for JSON
// exports no built-in parser knows. Also the mapping logic generic-csv shares.

import { eventCategories, type EventCategory, type EventOutcome } from '../../shared/event'
import { actionVocabulary } from '../../shared/actions'
import { decodeJsonTime, WallClock } from './csv-time'
import { parseJsonObject, toNumber, valueAt } from './json-fields'
import { makeEvent } from './normalize'
import type { FieldMapping, FileError, LogParser, ParseContext, ParseOutcome, RecordParser } from './types'

type MappedField = keyof FieldMapping

const optionalFields: readonly MappedField[] = ['user', 'host', 'srcIp', 'dstIp', 'category', 'outcome', 'object', 'bytes', 'amount']

/**
 * The FileError for a missing or incomplete mapping, naming the fields; null when usable.
 * `ts` and `action` are required: an event needs a time and a verb, and neither may be guessed.
 */
export function mappingProblem(format: string, mapping: FieldMapping | undefined, target: string): FileError | null {
  const missing = (['ts', 'action'] as const).filter((field) => !mapping?.[field])
  if (missing.length === 0) return null
  return {
    fileError:
      `${format} needs a field mapping (normalized field → ${target}): missing ${missing.join(' and ')}; ` +
      `required: ts (ISO 8601 with offset, or epoch seconds/ms) and action; optional: ${optionalFields.join(', ')}`,
  }
}

const outcomeWords: ReadonlyMap<string, EventOutcome> = new Map([
  ...['success', 'succeeded', 'successful', 'ok', 'true', 'allowed', 'allow', 'accepted', 'pass', 'passed'].map((word) => [word, 'success'] as const),
  ...['failure', 'failed', 'fail', 'false', 'denied', 'deny', 'blocked', 'rejected', 'error'].map((word) => [word, 'failure'] as const),
])

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

/** `Logon Failed` → `logon_failed`: mapped verbs meet the vocabulary where they can. */
function verb(raw: string): string {
  if (raw in actionVocabulary) return raw
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

/**
 * An event from mapped values. `read(field)` returns the raw value for a normalized field (a
 * JSON value or a CSV cell); `decodeTime` turns the `ts` value into epoch ms. Category comes
 * from the mapping when it names a known category, else from the action vocabulary, else
 * `system`; the source's own words stay in attrs (`rawAction`, `rawCategory`, `rawOutcome`).
 */
export function eventFromMapping(
  read: (field: MappedField) => unknown,
  decodeTime: (value: unknown) => number | null,
  attrs: Record<string, unknown>,
): ParseOutcome {
  const timeValue = read('ts')
  const ts = decodeTime(timeValue)
  if (ts === null) return { reject: timeValue === undefined || timeValue === null || timeValue === '' ? 'no time' : `unreadable time '${String(timeValue).slice(0, 40)}'` }
  const rawAction = text(read('action'))
  if (rawAction === null) return { reject: 'no action' }
  const action = verb(rawAction)
  if (action !== rawAction) attrs.rawAction = rawAction
  const rawCategory = text(read('category'))
  const mappedCategory = rawCategory?.trim().toLowerCase()
  let category: EventCategory = actionVocabulary[action]?.category ?? 'system'
  if (mappedCategory !== undefined && (eventCategories as readonly string[]).includes(mappedCategory)) category = mappedCategory as EventCategory
  else if (rawCategory !== null) attrs.rawCategory = rawCategory
  const rawOutcome = text(read('outcome'))
  const outcome = rawOutcome === null ? 'unknown' : (outcomeWords.get(rawOutcome.trim().toLowerCase()) ?? 'unknown')
  if (rawOutcome !== null && outcome === 'unknown' && rawOutcome.toLowerCase() !== 'unknown') attrs.rawOutcome = rawOutcome
  return makeEvent({
    ts,
    category,
    action,
    outcome,
    user: text(read('user')),
    host: text(read('host')),
    srcIp: text(read('srcIp')),
    dstIp: text(read('dstIp')),
    object: text(read('object')),
    bytes: toNumber(read('bytes')),
    amount: toNumber(read('amount')),
    attrs,
  })
}

const maxAttrKeys = 32
const maxAttrText = 256

/** Top-level scalars no mapping took, for attrs (at most 32; text cut at 256 characters). */
function unmappedScalars(record: Record<string, unknown>, mapped: ReadonlySet<string>): Record<string, unknown> {
  const attrs: Record<string, unknown> = {}
  let count = 0
  for (const key in record) {
    if (count === maxAttrKeys) break
    if (mapped.has(key)) continue
    const value = record[key]
    if (typeof value === 'string') attrs[key] = value.length > maxAttrText ? value.slice(0, maxAttrText) : value
    else if (typeof value === 'number' || typeof value === 'boolean') attrs[key] = value
    else continue
    count++
  }
  return attrs
}

/** Opens one file; see `genericJsonParser`. */
export function openGenericJson(context: ParseContext): RecordParser {
  const mapping = context.mapping ?? {}
  const problem = mappingProblem('generic-json', context.mapping, 'JSON dot path')
  const mapped = new Set(Object.values(mapping).map((path) => path.split('.')[0] ?? path))
  const clock = new WallClock(context.timeZone)
  return {
    parse(record: string): ParseOutcome {
      if (problem !== null) return problem
      const object = parseJsonObject(record)
      if (object === null) return { reject: 'not a JSON object' }
      const read = (field: MappedField): unknown => {
        const path = mapping[field]
        return path === undefined ? undefined : valueAt(object, path)
      }
      return eventFromMapping(read, (value) => decodeJsonTime(value, clock), unmappedScalars(object, mapped))
    },
  }
}

/**
 * Any JSON lines / JSON array export, read through `context.mapping` (normalized field → dot
 * path; nested and flattened keys both work). Times: ISO 8601 (without an offset, wall clock in
 * the import's zone), `MM/DD/YYYY HH:MM[:SS]`, or epoch seconds or milliseconds (numbers or
 * numeric strings, told apart by magnitude); anything else is rejected. Never sniffed (it would
 * claim every JSON file): chosen with a saved mapping.
 */
export const genericJsonParser: LogParser = {
  name: 'generic-json',
  description: 'Any JSON export, read through a saved field mapping',
  framing: 'json',
  sniff: () => 0,
  open: openGenericJson,
}
