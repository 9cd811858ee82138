import type { LogParser, ParseOutcome, Sample } from './types'
import { mapWindowsEvent } from './windows-event-map'
import { fromEventJson, fromFlat, fromWinlogbeat, windowsShape } from './windows-json-record'
import { isObject, type JsonObject } from './windows-json-values'

const sniffLines = 20
const leadingBracket = /^\[\s*/
const trailingSeparator = /\s*[,\]]$/
// For pretty-printed arrays, where no single line is a whole object: keys only Windows exports use.
const windowsKeyText = /"(?:EventID|event_id|EventId|eventid)"\s*:|"winlog"\s*:\s*\{|"winlog\.event_id"\s*:/
const windowsContextText = /"(?:Channel|channel|SourceName|ProviderName|Provider|provider_name|Computer|Hostname|computer_name)"\s*:/

/**
 * Windows events exported as JSON (one object per record): Winlogbeat, OTRF/Mordor (NXLog field
 * names, in their case and spelling variations), Azure Sentinel tables, evtx_dump's JSON.
 * Each becomes the same record an .evtx file gives, then the same mapping.
 */
export const windowsJsonParser: LogParser = {
  name: 'windows-json',
  description: 'Windows events as JSON: Winlogbeat, OTRF/Mordor (NXLog), Azure Sentinel, evtx_dump --json',
  framing: 'json',
  sniff: sniffWindowsJson,
  open() {
    return {
      parse(record: string) {
        return parseWindowsJson(record)
      },
    }
  },
}

/**
 * High (0.95) only when the objects carry a Windows event id and a channel, provider or computer,
 * so generic ECS JSON (which another parser reads) does not look like this format.
 */
export function sniffWindowsJson(sample: Sample): number {
  let objects = 0
  let windows = 0
  for (const line of sample.lines.slice(0, sniffLines)) {
    // Lines of JSON lines, or elements of an array written one per line: `[{…},` … `{…}]`.
    const text = line.trim().replace(leadingBracket, '').replace(trailingSeparator, '')
    if (!text.startsWith('{')) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      continue // the last line of a sample may be cut short
    }
    if (!isObject(parsed)) continue
    objects++
    if (windowsShape(parsed) !== null && hasContext(parsed)) windows++
  }
  if (objects > 0) return windows === 0 ? 0 : windows * 2 >= objects ? 0.95 : 0.5
  const text = sample.lines.slice(0, 200).join('\n')
  return windowsKeyText.test(text) && windowsContextText.test(text) ? 0.9 : 0
}

function hasContext(object: JsonObject): boolean {
  const shape = windowsShape(object)
  if (shape !== 'flat') return true
  return Object.keys(object).some((key) => windowsContextText.test(`"${key}":`))
}

/** One JSON record's text to its normalized event, or a rejection saying why not. */
export function parseWindowsJson(text: string): ParseOutcome {
  if (text.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { reject: 'invalid JSON' }
  }
  if (!isObject(parsed)) return { reject: 'not a JSON object' }
  const shape = windowsShape(parsed)
  if (shape === null) return { reject: 'not a Windows event (no event id)' }
  const { record, timeProblem } =
    shape === 'winlogbeat' ? fromWinlogbeat(parsed) : shape === 'event' ? fromEventJson(parsed) : fromFlat(parsed)
  if (!Number.isInteger(record.eventId)) return { reject: 'event id is not a number' }
  if (record.ts === null) return { reject: `no usable time: ${timeProblem ?? 'absent'}` }
  return mapWindowsEvent(record)
}
