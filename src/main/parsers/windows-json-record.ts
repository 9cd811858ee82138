import { qualifiedAccount, type WindowsRecord } from './windows-fields'
import {
  at, dataFromXml, integerOf, isObject, keywordsOf, leavesOf, nxlogEventTime, sysmonUtcTime, textOf, zonedTime, type JsonObject,
} from './windows-json-values'

// Three shapes of Windows events as JSON, each turned into the record the EVTX reader also yields:
// Winlogbeat (`winlog.*`), the EVTX-as-JSON form of evtx_dump and friends (`Event.System`), and
// flat exports (NXLog/OTRF, Azure Sentinel, Splunk) whose EventData fields sit at the top level.

/** Top-level keys of flat exports that describe the record or its shipping, not EventData. */
const flatSystemKeys = new Set([
  'eventid', 'event_id', 'eventcode', 'sourcename', 'source_name', 'providername', 'provider_name', 'provider',
  'eventsourcename', 'providerguid', 'channel', 'logname', 'hostname', 'computer', 'computername', 'computer_name',
  'host', 'timecreated', 'systemtime', '@timestamp', 'timegenerated', 'eventtime', 'eventreceivedtime',
  'timecollected', 'message', 'level', 'eventlevel', 'eventlevelname', 'severity', 'severityvalue', 'task', 'opcode',
  'opcodevalue', 'version', '@version', 'keywords', 'recordnumber', 'eventrecordid', 'executionprocessid',
  'threadid', 'accountname', 'accounttype', 'domain', 'userid', 'category', 'sourcemoduletype', 'sourcemodulename',
  'port', 'tags', 'eventtypeorignal', 'activityid', 'relatedactivityid', 'tenantid', 'sourcesystem', 'mg',
  'managementgroupname', 'type', '_resourceid', 'sourcecomputerid', 'eventoriginid', 'instanceid', 'activity',
  'eventdata', 'userdata', 'eventdata_dynamic',
])

const eventIdKeys = ['eventid', 'event_id', 'eventcode']
const providerKeys = ['providername', 'provider_name', 'provider', 'sourcename', 'source_name', 'eventsourcename']
const computerKeys = ['hostname', 'computer', 'computername', 'computer_name']
const zonedTimeKeys = ['timecreated', 'systemtime', 'timegenerated']
const recordIdKeys = ['eventrecordid', 'recordnumber', 'record_number']
const channelKeys = ['channel', 'logname']

/** Which shape an object has, or null when it is no Windows event. */
export function windowsShape(object: JsonObject): 'winlogbeat' | 'event' | 'flat' | null {
  if (at(object, 'winlog.event_id') !== undefined) return 'winlogbeat'
  if (isObject(object.Event) && isObject(object.Event.System)) return 'event'
  for (const key of Object.keys(object)) {
    if (eventIdKeys.includes(key.toLowerCase())) return 'flat'
  }
  return null
}

/** The record, with `timeProblem` saying why `ts` is null when a time field was there but unusable. */
export interface JsonWindowsRecord {
  record: WindowsRecord
  timeProblem: string | null
}

export function fromWinlogbeat(object: JsonObject): JsonWindowsRecord {
  const data: Record<string, string> = {}
  for (const path of ['winlog.event_data', 'winlog.user_data']) {
    const section = at(object, path)
    if (isObject(section)) leavesOf(section, data)
  }
  for (const key of Object.keys(object)) {
    if (key.startsWith('winlog.event_data.')) data[key.slice(18)] = textOf(object[key]) ?? ''
  }
  const computer = textOf(at(object, 'winlog.computer_name')) ?? textOf(at(object, 'host.name')) ?? ''
  const ts = zonedTime(object['@timestamp'])
  return {
    record: {
      recordId: integerOf(at(object, 'winlog.record_id')),
      ts,
      eventId: integerOf(at(object, 'winlog.event_id')) ?? Number.NaN,
      provider: textOf(at(object, 'winlog.provider_name')) ?? textOf(at(object, 'event.provider')) ?? '',
      channel: textOf(at(object, 'winlog.channel')) ?? '',
      computer,
      userSid: textOf(at(object, 'winlog.user.identifier')),
      data,
      keywords: keywordsOf(at(object, 'winlog.keywords')) ?? outcomeKeywords(at(object, 'event.outcome')),
      // Only for a record shipped without its account fields: where they are, the mapping chose on purpose (a machine account is nobody).
      exporterUser: 'SubjectUserName' in data || 'TargetUserName' in data ? null : ecsUser(object),
    },
    timeProblem: ts === null ? 'no usable @timestamp' : null,
  }
}

function ecsUser(object: JsonObject): string | null {
  const name = textOf(at(object, 'user.name'))
  return name === null ? null : qualifiedAccount(name, textOf(at(object, 'user.domain')))
}

function outcomeKeywords(outcome: unknown): string | null {
  return outcome === 'failure' ? keywordsOf(['Audit Failure']) : outcome === 'success' ? keywordsOf(['Audit Success']) : null
}

/** XML turned into JSON: attributes under `#attributes` (evtx_dump) or as `@Name` keys. */
function attributeOf(node: unknown, name: string): unknown {
  if (!isObject(node)) return undefined
  if (isObject(node['#attributes'])) return node['#attributes'][name]
  return node[`@${name}`] ?? node[name]
}

function elementText(node: unknown): string | null {
  return isObject(node) ? textOf(node['#text']) : textOf(node)
}

export function fromEventJson(object: JsonObject): JsonWindowsRecord {
  const event = object.Event as JsonObject
  const system = event.System as JsonObject
  const data: Record<string, string> = {}
  const eventData = event.EventData
  if (isObject(eventData)) {
    const items = Array.isArray(eventData.Data) ? eventData.Data : null
    if (items) {
      let unnamed = 0
      for (const item of items) {
        const name = textOf(attributeOf(item, 'Name'))
        data[name || `Data${unnamed++}`] = elementText(item) ?? ''
      }
    } else {
      leavesOf(eventData, data)
    }
  }
  if (isObject(event.UserData)) leavesOf(event.UserData, data)
  const ts = zonedTime(attributeOf(system.TimeCreated, 'SystemTime'))
  return {
    record: {
      recordId: integerOf(elementText(system.EventRecordID)),
      ts,
      eventId: integerOf(elementText(system.EventID)) ?? Number.NaN,
      provider: textOf(attributeOf(system.Provider, 'Name')) ?? '',
      channel: elementText(system.Channel) ?? '',
      computer: elementText(system.Computer) ?? '',
      userSid: textOf(attributeOf(system.Security, 'UserID')) || null,
      data,
      keywords: keywordsOf(elementText(system.Keywords)),
    },
    timeProblem: ts === null ? 'no usable TimeCreated/@SystemTime' : null,
  }
}

export function fromFlat(object: JsonObject): JsonWindowsRecord {
  const byName = new Map<string, unknown>()
  const data: Record<string, string> = {}
  for (const key in object) {
    const value = object[key]
    const lower = key.toLowerCase()
    if (!byName.has(lower)) byName.set(lower, value)
    if (flatSystemKeys.has(lower)) continue
    const text = textOf(value)
    if (text !== null) data[key] = text
  }
  const embedded = byName.get('eventdata')
  if (typeof embedded === 'string') embeddedData(embedded, data)
  else if (isObject(embedded)) leavesOf(embedded, data)
  const userData = byName.get('userdata')
  if (typeof userData === 'string') embeddedData(userData, data)
  else if (isObject(userData)) leavesOf(userData, data)

  const provider = textOf(firstOf(byName, providerKeys)) ?? ''
  let ts: number | null = null
  for (const key of zonedTimeKeys) ts ??= zonedTime(byName.get(key))
  if (ts === null && provider.toLowerCase() === 'microsoft-windows-sysmon') ts = sysmonUtcTime(data.UtcTime)
  ts ??= nxlogEventTime(byName.get('eventtime'), byName.get('eventreceivedtime'), byName.get('@timestamp'))
  // Logstash's receipt time: seconds after the event, but a real UTC instant from the pipeline.
  ts ??= zonedTime(byName.get('@timestamp'))
  const unzoned = ['timecreated', 'eventtime'].find((key) => typeof byName.get(key) === 'string')
  return {
    record: {
      recordId: integerOf(firstOf(byName, recordIdKeys)),
      ts,
      eventId: integerOf(firstOf(byName, eventIdKeys)) ?? Number.NaN,
      provider,
      channel: textOf(firstOf(byName, channelKeys)) ?? '',
      computer: textOf(firstOf(byName, computerKeys)) ?? '',
      userSid: textOf(byName.get('userid')) || null,
      data,
      keywords: keywordsOf(byName.get('keywords')),
    },
    timeProblem: ts !== null ? null : unzoned ? `time without a zone (${unzoned} ${String(byName.get(unzoned))})` : 'no time field',
  }
}

/** The first of `keys` (lower-case) with a value. */
function firstOf(byName: ReadonlyMap<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = byName.get(key)
    if (value !== undefined && value !== '') return value
  }
  return undefined
}

function embeddedData(text: string, data: Record<string, string>): void {
  const trimmed = text.trim()
  if (trimmed.startsWith('<')) {
    dataFromXml(trimmed, data)
  } else if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      if (isObject(parsed)) leavesOf(parsed, data)
    } catch {
      // Not JSON after all: the raw text stays out of `data`, the event is still kept.
    }
  }
}
