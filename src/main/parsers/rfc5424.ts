import type { LogParser, ParseContext, ParseOutcome, RecordParser, Sample } from './types'
import { priorityFields } from './syslog-header'
import { LogMemory, type SyslogEnvelope, interpretSyslogMessage } from './syslog-messages'
import { type StructuredData, readStructuredData } from './syslog-structured-data'
import { WallClockConverter, readIsoStamp } from './syslog-time'

/**
 * RFC 5424 syslog, one message per line:
 * `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ID name="value"…] MSG`, `-` for absent
 * fields. Structured data is kept in `attrs.sd` ({ sdId: { name: value } }).
 */
export const rfc5424Parser: LogParser = {
  name: 'rfc5424',
  description: 'RFC 5424 syslog (<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG), e.g. rsyslog or logger --rfc5424 output',
  framing: 'lines',
  sniff: sniffRfc5424,
  open(context: ParseContext): RecordParser {
    const clock = new WallClockConverter(context.timeZone)
    const memory = new LogMemory()
    return { parse: (record: string): ParseOutcome => parseRfc5424(record, clock, memory) }
  },
}

/** An RFC 5424 message split into its fields. */
export interface Rfc5424Message {
  priority: number
  version: number
  ts: number
  host: string | null
  app: string | null
  procId: number | string | null
  msgId: string | null
  sd: StructuredData | null
  message: string
}

function sniffRfc5424(sample: Sample): number {
  let seen = 0
  let matched = 0
  const clock = new WallClockConverter('UTC')
  for (const line of sample.lines.slice(0, 100)) {
    if (line.trim() === '') continue
    seen++
    if (typeof readRfc5424(line, clock) !== 'string') matched++
  }
  return seen === 0 ? 0 : (0.95 * matched) / seen
}

function parseRfc5424(record: string, clock: WallClockConverter, memory: LogMemory): ParseOutcome {
  if (record.trim() === '') return null
  const parsed = readRfc5424(record, clock)
  if (typeof parsed === 'string') return { reject: parsed }
  const extra: Record<string, unknown> = priorityFields(parsed.priority)
  if (parsed.msgId !== null) extra.msgid = parsed.msgId
  if (parsed.sd !== null) extra.sd = parsed.sd
  const envelope: SyslogEnvelope = { ts: parsed.ts, host: parsed.host, app: parsed.app, pid: parsed.procId, extra }
  return interpretSyslogMessage(envelope, parsed.message, 1, memory)
}

/** Splits one RFC 5424 message; a string says what is wrong with it. */
export function readRfc5424(record: string, clock: WallClockConverter): Rfc5424Message | string {
  let end = record.length
  // A CR (or NUL, as some TCP relays leave it) at the end is framing, not message.
  for (let code = record.charCodeAt(end - 1); code === 13 || code === 10 || code === 0; code = record.charCodeAt(end - 1)) end--
  const text = end === record.length ? record : record.slice(0, end)
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (text.charCodeAt(index) === 32) index++
  const close = text.indexOf('>', index)
  const priority = Number(text.slice(index + 1, close))
  if (text.charCodeAt(index) !== 60 || close < index + 2 || close > index + 4 || !Number.isInteger(priority) || priority > 191) {
    return 'no RFC 5424 <PRI>'
  }
  const fields = new FieldReader(text, close + 1)
  const versionText = fields.next()
  const version = Number(versionText)
  if (versionText === null || !/^[1-9]\d{0,2}$/.test(versionText)) return 'no RFC 5424 version after <PRI>'
  const stampAt = fields.index
  const stampText = fields.next()
  if (stampText === null) return 'no timestamp'
  if (stampText === '-') return 'NILVALUE timestamp: the message carries no time'
  const stamp = readIsoStamp(text, stampAt)
  if (stamp === null || stamp.end !== stampAt + stampText.length) return 'unreadable timestamp'
  const ts = stamp.utc ?? clock.toUtc(stamp.year, stamp)
  if (ts === null) return 'not a real date'
  const host = fields.next()
  const app = fields.next()
  const procId = fields.next()
  const msgId = fields.next()
  if (msgId === null) return 'header ends before MSGID'
  let sd: StructuredData | null = null
  let position = fields.index
  if (text.charCodeAt(position) === 45) {
    position++
  } else {
    const read = readStructuredData(text, position)
    if (read === null) return 'malformed structured data'
    sd = read.data
    position = read.end
  }
  if (position < text.length && text.charCodeAt(position) !== 32) return 'malformed structured data'
  let message = text.slice(position + 1)
  if (message.charCodeAt(0) === 0xfeff) message = message.slice(1)
  return {
    priority,
    version,
    ts,
    host: nil(host),
    app: nil(app),
    procId: procIdValue(nil(procId)),
    msgId: nil(msgId),
    sd,
    message,
  }
}

function nil(value: string | null): string | null {
  return value === null || value === '-' ? null : value
}

function procIdValue(value: string | null): number | string | null {
  if (value === null) return null
  const number = Number(value)
  return /^\d{1,10}$/.test(value) && Number.isSafeInteger(number) ? number : value
}

/** Space-separated header fields (extra spaces tolerated: some senders pad). */
class FieldReader {
  constructor(
    private readonly text: string,
    public index: number,
  ) {}

  next(): string | null {
    while (this.text.charCodeAt(this.index) === 32) this.index++
    if (this.index >= this.text.length) return null
    let end = this.text.indexOf(' ', this.index)
    if (end < 0) end = this.text.length
    const value = this.text.slice(this.index, end)
    this.index = end
    while (this.text.charCodeAt(this.index) === 32 && this.text.charCodeAt(this.index + 1) === 32) this.index++
    if (this.text.charCodeAt(this.index) === 32) this.index++
    return value
  }
}
