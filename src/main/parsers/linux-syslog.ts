import type { LogParser, ParseContext, ParseOutcome, RecordParser, Sample } from './types'
import { type TraditionalHeader, priorityFields, readTraditionalHeader } from './syslog-header'
import { LogMemory, type SyslogEnvelope, interpretSyslogMessage } from './syslog-messages'
import { WallClockConverter, YearTracker } from './syslog-time'

/**
 * Traditional Linux syslog files (`/var/log/auth.log`, `secure`, `messages`, `syslog`): RFC 3164
 * lines with or without `<PRI>` (`Dec 10 06:55:46 host sshd[24200]: …`), and rsyslog's
 * high-precision ISO 8601 variant (`2024-03-01T12:34:56.123456+01:00 host sshd[1]: …`).
 */
export const linuxSyslogParser: LogParser = {
  name: 'linux-syslog',
  description: 'Linux syslog files (auth.log, secure, messages): RFC 3164 and rsyslog ISO 8601 timestamps',
  framing: 'lines',
  sniff: sniffTraditional,
  open(context: ParseContext): RecordParser {
    return new TraditionalSyslogReader(context)
  },
  needsYear: startsWithoutYear,
}

/** True when the sample's first dated line is RFC 3164 (`Mar  4 09:01:02`), which has no year. */
function startsWithoutYear(sample: Sample): boolean {
  for (const line of sample.lines.slice(0, 100)) {
    const header = readTraditionalHeader(line)
    if (typeof header === 'string') continue
    return header.iso === null && header.rfc3164 !== null
  }
  return false
}

/** Share of non-blank sample lines that have a timestamp, a host and a tag, scaled to 0.9. */
function sniffTraditional(sample: Sample): number {
  let seen = 0
  let matched = 0
  for (const line of sample.lines.slice(0, 100)) {
    const header = readTraditionalHeader(line)
    if (header === 'blank') continue
    seen++
    if (typeof header !== 'string' && header.app !== null) matched++
  }
  return seen === 0 ? 0 : (0.9 * matched) / seen
}

const noYear = 'RFC 3164 timestamp without a year and no file time to infer it from: pass --year'

/** The state of one file: the running year of RFC 3164 lines and the previous message (for sysklogd's repeats). */
class TraditionalSyslogReader implements RecordParser {
  private readonly years: YearTracker
  private readonly isoClock: WallClockConverter
  private previous: { app: string | null; pid: number | string | null; message: string } | null = null
  private readonly memory = new LogMemory()

  constructor(context: ParseContext) {
    this.years = new YearTracker(context.year, context.fileTime, context.timeZone, context.yearReference ?? null)
    this.isoClock = new WallClockConverter(context.timeZone)
  }

  parse(record: string): ParseOutcome {
    const header = readTraditionalHeader(record)
    if (header === 'blank') return null
    if (typeof header === 'string') return { reject: header }
    const ts = this.timestamp(header)
    if (typeof ts === 'string') return { reject: ts }
    const envelope: SyslogEnvelope = {
      ts,
      host: header.host,
      app: header.app,
      pid: header.pid,
      extra: header.priority === null ? null : priorityFields(header.priority),
    }
    const times = header.app === null ? lastMessageRepeats(header.message) : 0
    if (times > 0 && this.previous !== null) {
      // sysklogd: `last message repeated 3 times` means the previous line, three more times.
      return interpretSyslogMessage({ ...envelope, app: this.previous.app, pid: this.previous.pid }, this.previous.message, times, this.memory)
    }
    this.previous = { app: header.app, pid: header.pid, message: header.message }
    return interpretSyslogMessage(envelope, header.message, 1, this.memory)
  }

  private timestamp(header: TraditionalHeader): number | string {
    if (header.iso !== null) {
      const ts = header.iso.utc ?? this.isoClock.toUtc(header.iso.year, header.iso)
      return ts ?? 'not a real date'
    }
    if (header.rfc3164 === null) return 'no timestamp'
    if (!this.years.canPlace) return noYear
    return this.years.place(header.rfc3164) ?? 'not a real date'
  }
}

/** N in `last message repeated N times` (also `--- last message repeated N times ---`), else 0. */
function lastMessageRepeats(message: string): number {
  const start = message.indexOf('last message repeated ')
  if (start < 0 || start > 4) return 0
  const count = Number.parseInt(message.slice(start + 22), 10)
  return Number.isInteger(count) && count > 0 ? count : 0
}
