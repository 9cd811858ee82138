// Reading fields out of parsed JSON records by dot path. Exporters disagree on shape: Elastic
// returns nested objects (`{"user": {"name": "x"}}`), Beats golden files and many SIEM exports
// flatten them (`{"user.name": "x"}`), and some mix both in one document. One lookup serves all.

import { parseIsoWithOffset } from './time'

type JsonObject = Record<string, unknown>

const hasOwn = Object.prototype.hasOwnProperty

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * The document an Elasticsearch hit carries (`{"_index": …, "_source": {…}}`, as elasticdump and
 * saved `_search` pages write them), else the record itself.
 */
export function elasticSource(record: JsonObject): JsonObject {
  const source = record._source
  return isObject(source) ? source : record
}

/** The parsed record if `text` is one JSON object; null for anything else (never throws). */
export function parseJsonObject(text: string): JsonObject | null {
  let value: unknown
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    return null
  }
  return isObject(value) ? value : null
}

/**
 * The value at a dot path (`event.action`), whether the document nests it, flattens it
 * (`"event.action"` as one key) or mixes the two (`{"event": {"action": …}}` inside a
 * flattened parent). undefined when absent.
 */
export function valueAt(root: unknown, path: string): unknown {
  return lookup(root, keysOf(path), 0)
}

/**
 * For a path of n segments, `keys[start][end]` is segments start..end-1 joined with dots: every
 * key a document could use for that stretch. Built once per path, so lookups never slice.
 */
type PathKeys = readonly (readonly string[])[]

const pathKeys = new Map<string, PathKeys>()

function keysOf(path: string): PathKeys {
  let keys = pathKeys.get(path)
  if (keys === undefined) {
    const segments = path.split('.')
    keys = segments.map((_, start) => segments.map((__, last) => (last < start ? '' : segments.slice(start, last + 1).join('.'))))
    if (pathKeys.size > 10_000) pathKeys.clear()
    pathKeys.set(path, keys)
  }
  return keys
}

function lookup(node: unknown, keys: PathKeys, start: number): unknown {
  if (!isObject(node)) return undefined
  const row = keys[start] ?? []
  // Longest key first: a flattened remainder ends the search at once.
  for (let last = row.length - 1; last >= start; last--) {
    const key = row[last] ?? ''
    const child = node[key]
    if (child === undefined || !hasOwn.call(node, key)) continue
    if (last === row.length - 1) return child
    const found = lookup(child, keys, last + 1)
    if (found !== undefined) return found
  }
  return undefined
}

/** A scalar as text: strings as given, numbers and booleans printed; first element of an array. */
export function textAt(root: unknown, path: string): string | null {
  return scalarText(valueAt(root, path))
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.length > 0) return scalarText(value[0])
  return null
}

/** Every scalar at the path as text: ECS keeps `event.category`, `email.to.address` as arrays or strings. */
export function textsAt(root: unknown, path: string): string[] {
  const value = valueAt(root, path)
  if (Array.isArray(value)) {
    const texts: string[] = []
    for (const item of value) {
      const text = scalarText(item)
      if (text !== null) texts.push(text)
    }
    return texts
  }
  const text = scalarText(value)
  return text === null ? [] : [text]
}

/** A number, or a string holding only a number; null otherwise. */
export function numberAt(root: unknown, path: string): number | null {
  return toNumber(valueAt(root, path))
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (trimmed === '') return null
    const number = Number(trimmed)
    return Number.isFinite(number) ? number : null
  }
  return null
}

/**
 * Epoch ms from an exported time value: ISO 8601 with `Z` or an offset, or an epoch number
 * (number or numeric string) in seconds, milliseconds, microseconds or nanoseconds, told apart
 * by magnitude (seconds below 1e11 reach the year 5138; ms below 1e14; µs below 1e17).
 * null for anything else, including offset-less ISO text: its zone would be a guess.
 */
export function decodeTimestamp(value: unknown): number | null {
  let epoch: number
  if (typeof value === 'number') {
    epoch = value
  } else if (typeof value === 'string') {
    const text = value.trim()
    if (text === '') return null
    const first = text.charCodeAt(0)
    // A digit run with at most one dot is an epoch; dates start with digits too but have - or :.
    if (!(first >= 48 && first <= 57 && isPlainNumber(text))) return parseIsoWithOffset(text)
    epoch = Number(text)
  } else {
    return null
  }
  if (!Number.isFinite(epoch) || epoch <= 0) return null
  const ms = epoch < 1e11 ? epoch * 1000 : epoch < 1e14 ? epoch : epoch < 1e17 ? epoch / 1000 : epoch / 1e6
  return Math.round(ms)
}

function isPlainNumber(text: string): boolean {
  let dots = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 46) dots++
    else if (code < 48 || code > 57) return false
  }
  return dots <= 1
}

/**
 * The host part of a URL, lower-case, without user info or port (`http://a@Example.com:8080/x`
 * → `example.com`); a bare `host/path` works too. null when there is none.
 */
export function urlHost(url: string): string | null {
  const scheme = url.indexOf('://')
  let start = scheme < 0 ? 0 : scheme + 3
  let end = start
  while (end < url.length) {
    const code = url.charCodeAt(end)
    if (code === 47 /* / */ || code === 63 /* ? */ || code === 35 /* # */) break
    if (code === 64 /* @ */) start = end + 1
    end++
  }
  let host = url.slice(start, end)
  if (host.charCodeAt(0) === 91 /* [ */) {
    const close = host.indexOf(']')
    host = close > 0 ? host.slice(1, close) : host
  } else {
    const colon = host.lastIndexOf(':')
    if (colon >= 0) host = host.slice(0, colon)
  }
  return host === '' ? null : host.toLowerCase()
}

/**
 * The complete top-level JSON values in a sniffing sample, whether it is JSON lines or the
 * (possibly cut-off) start of a pretty-printed array: a small scanner finds where each value
 * ends, so a truncated last element is skipped instead of spoiling the rest. For sniffing only.
 */
export function sampleJsonValues(lines: readonly string[], limit = 50): unknown[] {
  const text = lines.join('\n')
  const values: unknown[] = []
  let index = 0
  while (index < text.length && (isSpace(text.charCodeAt(index)) || text.charCodeAt(index) === 0xfeff)) index++
  // Inside a top-level array, the elements are the values.
  const baseDepth = text.charCodeAt(index) === 91 /* [ */ ? 1 : 0
  if (baseDepth === 1) index++
  let depth = baseDepth
  let start = -1
  let inString = false
  for (; index < text.length && values.length < limit; index++) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === 92 /* \ */) index++
      else if (code === 34 /* " */) inString = false
      continue
    }
    if (code === 34) inString = true
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (depth === baseDepth) start = index
      depth++
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      depth--
      if (depth < baseDepth) break
      if (depth === baseDepth && start >= 0) {
        try {
          values.push(JSON.parse(text.slice(start, index + 1)))
        } catch {
          // not JSON after all: sniffing just sees fewer values
        }
        start = -1
      }
    }
  }
  return values
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}
