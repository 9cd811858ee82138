import { parseIsoWithOffset } from '../time'
import type { WindowsEventRecord } from '../windows-event'
import type { BinXmlReader } from './binxml'
import { BinXmlError } from './binxml-tokens'
import { nodeKind, type BinXmlNode, type ContentNode, type ElementNode, type ValueReference } from './binxml-nodes'
import { filetimeMs, systemtimeMs, valueType } from './values'

/** A record as the EVTX reader yields it: the shared shape plus System/Keywords for audit outcomes. */
export interface EvtxEventRecord extends WindowsEventRecord {
  /** System/Keywords as hex (`0x8010000000000000`: audit failure); null when absent. */
  keywords: string | null
}

type Values = readonly ValueReference[] | null

/** What a walk over one record carries; visitors are top-level functions, so no closure per record. */
interface Walk {
  reader: BinXmlReader
  record: EvtxEventRecord
  sawEvent: boolean
  unnamed: number
  hasChildElements: boolean
  depth: number
}

type Visitor = (walk: Walk, element: ElementNode, values: Values) => void

/**
 * Walks a record's nodes (template instances resolved with their values, nested binary XML
 * expanded) and keeps what the mapping needs: System fields and EventData/UserData by name.
 */
export function buildRecord(reader: BinXmlReader, nodes: readonly BinXmlNode[], headerRecordId: number): EvtxEventRecord {
  const record: EvtxEventRecord = {
    recordId: headerRecordId,
    ts: null,
    eventId: Number.NaN,
    provider: '',
    channel: '',
    computer: '',
    userSid: null,
    // No prototype: a Data named `constructor` is just a key.
    data: Object.create(null) as Record<string, string>,
    keywords: null,
  }
  const walk: Walk = { reader, record, sawEvent: false, unnamed: 0, hasChildElements: false, depth: 0 }
  eachElement(walk, nodes, null, 0, visitEvent)
  if (!walk.sawEvent) throw new BinXmlError('record holds no XML element')
  if (!Number.isInteger(record.eventId)) throw new BinXmlError('record has no EventID')
  return record
}

/** Calls `visit` for each element among `nodes`, looking through template instances and nested binary XML. */
function eachElement(walk: Walk, nodes: readonly BinXmlNode[], values: Values, depth: number, visit: Visitor): void {
  for (const node of nodes) {
    if (node.kind === nodeKind.element) {
      visit(walk, node, values)
    } else if (node.kind === nodeKind.instance) {
      eachElement(walk, node.template.nodes, node.values, depth + 1, visit)
    } else if (node.kind === nodeKind.substitution) {
      const value = values?.[node.index]
      if (value?.type === valueType.binXml) {
        eachElement(walk, walk.reader.nestedFragment(value, depth + 1), null, depth + 1, visit)
      }
    }
  }
}

function visitEvent(walk: Walk, event: ElementNode, values: Values): void {
  if (walk.sawEvent) return
  walk.sawEvent = true
  eachElement(walk, event.children, values, 0, visitSection)
}

function visitSection(walk: Walk, section: ElementNode, values: Values): void {
  if (section.name === 'System') {
    eachElement(walk, section.children, values, 0, visitSystemField)
  } else if (section.name === 'EventData') {
    walk.unnamed = 0
    eachElement(walk, section.children, values, 0, visitEventDataField)
  } else if (section.name === 'UserData') {
    walk.depth = 0
    eachElement(walk, section.children, values, 0, visitUserDataElement)
  }
}

function visitSystemField(walk: Walk, field: ElementNode, values: Values): void {
  const { reader, record } = walk
  switch (field.name) {
    case 'Provider':
      record.provider = attribute(reader, field, 'Name', values) || attribute(reader, field, 'EventSourceName', values) || ''
      break
    case 'EventID':
      record.eventId = Number.parseInt(textOf(reader, field.children, values), 10)
      break
    case 'TimeCreated':
      record.ts = systemTime(reader, field, values)
      break
    case 'EventRecordID': {
      const id = Number.parseInt(textOf(reader, field.children, values), 10)
      if (Number.isFinite(id)) record.recordId = id
      break
    }
    case 'Channel':
      record.channel = textOf(reader, field.children, values)
      break
    case 'Computer':
      record.computer = textOf(reader, field.children, values)
      break
    case 'Security':
      record.userSid = attribute(reader, field, 'UserID', values) || null
      break
    case 'Keywords':
      record.keywords = textOf(reader, field.children, values) || null
      break
  }
}

/**
 * EventData/Data by @Name; unnamed Data as Data0, Data1…; other children (Binary) by element name.
 * A Data filled by an array value stands for one Data per element, as Windows renders it.
 */
function visitEventDataField(walk: Walk, field: ElementNode, values: Values): void {
  const { reader, record } = walk
  const name = field.name === 'Data' ? attribute(reader, field, 'Name', values) || null : field.name
  const only = field.children.length === 1 ? field.children[0] : undefined
  const value = only?.kind === nodeKind.substitution ? values?.[only.index] : undefined
  if (value === undefined || (value.type & valueType.array) === 0) {
    put(record.data, name ?? `Data${walk.unnamed++}`, textOf(reader, field.children, values))
    return
  }
  for (const item of reader.valueItems(value)) put(record.data, name ?? `Data${walk.unnamed++}`, item)
}

/** UserData holds provider-specific XML: keep every leaf element by its name. */
function visitUserDataElement(walk: Walk, element: ElementNode, values: Values): void {
  walk.hasChildElements = false
  eachElement(walk, element.children, values, 0, markChildElement)
  if (!walk.hasChildElements) {
    put(walk.record.data, element.name, textOf(walk.reader, element.children, values))
  } else if (walk.depth < 16) {
    walk.depth++
    eachElement(walk, element.children, values, 0, visitUserDataElement)
    walk.depth--
  }
}

function markChildElement(walk: Walk): void {
  walk.hasChildElements = true
}

/** The text content of an element or attribute: its literal text and substituted values, concatenated. */
function textOf(reader: BinXmlReader, nodes: readonly (BinXmlNode | ContentNode)[], values: Values): string {
  if (nodes.length === 1) return nodeText(reader, nodes[0]!, values)
  let text = ''
  for (const node of nodes) text += nodeText(reader, node, values)
  return text
}

function nodeText(reader: BinXmlReader, node: BinXmlNode, values: Values): string {
  if (node.kind === nodeKind.text) return node.text
  if (node.kind !== nodeKind.substitution) return ''
  const value = values?.[node.index]
  return value === undefined ? '' : reader.valueText(value)
}

function attribute(reader: BinXmlReader, element: ElementNode, name: string, values: Values): string | null {
  for (const candidate of element.attributes) {
    if (candidate.name === name) return textOf(reader, candidate.value, values)
  }
  return null
}

/** TimeCreated/@SystemTime: a FILETIME substitution in practice; literal text is read as ISO 8601. */
function systemTime(reader: BinXmlReader, element: ElementNode, values: Values): number | null {
  for (const candidate of element.attributes) {
    if (candidate.name !== 'SystemTime') continue
    const only = candidate.value.length === 1 ? candidate.value[0] : undefined
    const value = only?.kind === nodeKind.substitution ? values?.[only.index] : undefined
    if (value?.type === valueType.filetime && value.size >= 8) return filetimeMs(reader.view, value.offset)
    if (value?.type === valueType.systemtime && value.size >= 16) return systemtimeMs(reader.view, value.offset)
    return parseIsoWithOffset(textOf(reader, candidate.value, values))
  }
  return null
}

/** A repeated name keeps every value: the second becomes `Name_2`, and so on. */
function put(data: Record<string, string>, key: string, value: string): void {
  if (data[key] === undefined) {
    data[key] = value
    return
  }
  let n = 2
  while (data[`${key}_${n}`] !== undefined) n++
  data[`${key}_${n}`] = value
}
