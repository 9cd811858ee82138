// Apache httpd error_log, 2.2 and 2.4 styles:
//   [Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties
//   [Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:42] File does not exist: /x
// Times carry no zone: wall clock in ParseContext.timeZone.

import { WallClock } from './csv-time'
import { makeEvent } from './normalize'
import { monthNumbers } from './time'
import type { LogParser, ParseContext, ParseOutcome, RecordParser, Sample } from './types'
import { sniffByParsing } from './sniff'

const failureLevels = new Set(['emerg', 'alert', 'crit', 'error'])
const levels = new Set(['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', 'trace1', 'trace2', 'trace3', 'trace4', 'trace5', 'trace6', 'trace7', 'trace8'])

function digits(text: string, start: number, count: number): number {
  let value = 0
  for (let index = start; index < start + count; index++) {
    const code = text.charCodeAt(index)
    if (!(code >= 48 && code <= 57)) return -1
    value = value * 10 + code - 48
  }
  return value
}

/** `Sun Dec 04 04:47:44 2005` or `Fri Sep 09 10:42:29.902022 2011` → epoch ms in the clock's zone. */
export function parseErrorLogTime(text: string, clock: WallClock): number | null {
  if (text.length < 24 || text.charCodeAt(3) !== 32 || text.charCodeAt(7) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null
  const month = monthNumbers[text.slice(4, 7).toLowerCase()]
  const day = text.charCodeAt(8) === 32 ? digits(text, 9, 1) : digits(text, 8, 2)
  const hour = digits(text, 11, 2)
  const minute = digits(text, 14, 2)
  const second = digits(text, 17, 2)
  let position = 19
  let millisecond = 0
  if (text.charCodeAt(position) === 46) {
    let end = position + 1
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++
    millisecond = digits((text.slice(position + 1, end) + '000').slice(0, 3), 0, 3)
    position = end
  }
  if (text.charCodeAt(position) !== 32 || text.length !== position + 5) return null
  const year = digits(text, position + 1, 4)
  if (month === undefined || day < 1 || hour < 0 || minute < 0 || second < 0 || year < 0) return null
  return clock.toUtc(year, month, day, hour, minute, second, millisecond)
}

/**
 * `72.15.99.187:42` → `72.15.99.187`, `2001:db8::7:50344` → `2001:db8::7`: 2.4 always appends
 * the port (IPv6 without brackets), 2.2 never does.
 */
function clientAddress(text: string, withPort: boolean): string {
  const colon = text.lastIndexOf(':')
  const ipv4 = text.indexOf(':') === colon
  return colon > 0 && (withPort || ipv4) ? text.slice(0, colon) : text
}

/** One error_log line as a web_error event, or a rejection. */
export function readErrorLine(line: string, clock: WallClock): ParseOutcome {
  if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) return null
  if (line.charCodeAt(0) !== 91) return { reject: 'no [time]' }
  const timeEnd = line.indexOf(']')
  if (timeEnd < 0) return { reject: 'unterminated [time]' }
  const ts = parseErrorLogTime(line.slice(1, timeEnd), clock)
  if (ts === null) return { reject: 'unreadable [time]' }
  if (line.charCodeAt(timeEnd + 1) !== 32 || line.charCodeAt(timeEnd + 2) !== 91) return { reject: 'no [level]' }
  const levelEnd = line.indexOf(']', timeEnd + 3)
  if (levelEnd < 0) return { reject: 'unterminated [level]' }
  const levelText = line.slice(timeEnd + 3, levelEnd)
  const colon = levelText.indexOf(':')
  const level = colon >= 0 ? levelText.slice(colon + 1) : levelText
  if (!levels.has(level)) return { reject: `unknown level '${levelText.slice(0, 20)}'` }
  const attrs: Record<string, unknown> = { level }
  if (colon > 0) attrs.module = levelText.slice(0, colon)

  // 2.4 tags after the level: [pid N:tid N], [client ip:port], [remote ip:port].
  let position = levelEnd + 1
  let srcIp: string | null = null
  while (line.charCodeAt(position) === 32 && line.charCodeAt(position + 1) === 91) {
    const tagEnd = line.indexOf(']', position + 2)
    if (tagEnd < 0) break
    const tag = line.slice(position + 2, tagEnd)
    if (tag.startsWith('pid ')) {
      const end = tag.indexOf(':')
      const pid = Number(tag.slice(4, end < 0 ? tag.length : end))
      if (Number.isInteger(pid)) attrs.pid = pid
    } else if (tag.startsWith('client ')) {
      srcIp = clientAddress(tag.slice(7), colon >= 0)
    } else if (tag.startsWith('remote ')) {
      attrs.remote = clientAddress(tag.slice(7), true)
    } else {
      break
    }
    position = tagEnd + 1
  }
  const message = line.slice(line.charCodeAt(position) === 32 ? position + 1 : position)
  attrs.message = message.length > 1024 ? message.slice(0, 1024) : message
  // "File does not exist: /var/www/x", "Directory index forbidden by rule: /var/www/html/"
  const pathAt = message.indexOf(': /')
  return makeEvent({
    ts,
    category: 'web',
    action: 'web_error',
    outcome: failureLevels.has(level) ? 'failure' : 'unknown',
    srcIp,
    object: pathAt >= 0 ? message.slice(pathAt + 2).trim() : null,
    attrs,
  })
}

/** Share of the first lines (up to 20) that read as error_log lines: ≥ 80 % → 0.95, ≥ 50 % → 0.7. */
export function sniffErrorLog(sample: Sample): number {
  const clock = new WallClock('UTC')
  return sniffByParsing(sample.lines, (line) => readErrorLine(line, clock))
}

/**
 * Apache httpd error_log (2.2 `[date] [level] message` and 2.4 `[date] [module:level] [pid …]
 * [client …] message`) → web/web_error: outcome failure for emerg/alert/crit/error (else
 * unknown), srcIp from [client], object = the path a message names; level, module, pid and the
 * message (without its [client] tag) in attrs.
 */
export const apacheErrorParser: LogParser = {
  name: 'apache-error',
  description: 'Apache httpd error_log (2.2 and 2.4 formats)',
  framing: 'lines',
  sniff: sniffErrorLog,
  open(context: ParseContext): RecordParser {
    const clock = new WallClock(context.timeZone)
    return { parse: (line) => readErrorLine(line, clock) }
  },
}
