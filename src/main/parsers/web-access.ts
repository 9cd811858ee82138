// Apache / nginx access logs: common, combined and vhost_combined, cut with indexOf (no regex).
//   127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://ref/" "UA"
//   www.example.com:443 127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 2326 "-" "UA"

import { makeEvent } from './normalize'
import { monthNumbers } from './time'
import type { LogParser, ParseOutcome, RecordParser, Sample } from './types'
import { sniffByParsing } from './sniff'

function digits(text: string, start: number, count: number): number {
  let value = 0
  for (let index = start; index < start + count; index++) {
    const code = text.charCodeAt(index) // NaN past the end: not a digit
    if (!(code >= 48 && code <= 57)) return -1
    value = value * 10 + code - 48
  }
  return value
}

/** `10/Oct/2000:13:55:36 -0700` (exactly 26 characters) → epoch ms, or null. */
export function parseAccessTime(text: string): number | null {
  if (text.length !== 26 || text.charCodeAt(2) !== 47 || text.charCodeAt(6) !== 47 || text.charCodeAt(11) !== 58 || text.charCodeAt(20) !== 32) return null
  const day = digits(text, 0, 2)
  const month = monthNumbers[text.slice(3, 6).toLowerCase()]
  const year = digits(text, 7, 4)
  const hour = digits(text, 12, 2)
  const minute = digits(text, 15, 2)
  const second = digits(text, 18, 2)
  const sign = text.charCodeAt(21) === 45 ? -1 : text.charCodeAt(21) === 43 ? 1 : 0
  const offset = digits(text, 22, 2) * 60 + digits(text, 24, 2)
  if (month === undefined || day < 1 || day > 31 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || sign === 0 || offset < 0) return null
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59))
  if (new Date(local).getUTCDate() !== day) return null
  return local - sign * offset * 60_000
}

/** The index of the quote closing a quoted field that starts after `start` (Apache escapes `"` as `\"`). */
function closingQuote(line: string, start: number): number {
  let quote = line.indexOf('"', start)
  while (quote > 0) {
    let backslashes = 0
    for (let index = quote - 1; index >= start && line.charCodeAt(index) === 92; index--) backslashes++
    if (backslashes % 2 === 0) return quote
    quote = line.indexOf('"', quote + 1)
  }
  return -1
}

/** Client addresses are IPs unless HostnameLookups was on; those go to attrs.clientHost. */
function isIpLike(text: string): boolean {
  let separators = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 46 || code === 58) separators++
    else if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70))) return false
  }
  return separators > 0
}

const maxQuery = 256

/** One access-log line as an http_request event, or a rejection. */
export function readAccessLine(line: string): ParseOutcome {
  if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) return null
  const bracket = line.indexOf(' [')
  if (bracket < 0) return { reject: 'no [time]' }
  const prefix = line.slice(0, bracket).split(' ')
  if (prefix.length !== 3 && prefix.length !== 4) return { reject: 'expected client, ident and user before [time]' }
  const vhost = prefix.length === 4 ? prefix[0] : undefined
  const [client = '', ident = '', authUser = ''] = prefix.length === 4 ? prefix.slice(1) : prefix
  const timeEnd = line.indexOf(']', bracket + 2)
  if (timeEnd < 0) return { reject: 'unterminated [time]' }
  const ts = parseAccessTime(line.slice(bracket + 2, timeEnd))
  if (ts === null) return { reject: 'unreadable [time]' }
  if (line.charCodeAt(timeEnd + 1) !== 32 || line.charCodeAt(timeEnd + 2) !== 34) return { reject: 'no quoted request' }
  const requestStart = timeEnd + 3
  const requestEnd = closingQuote(line, requestStart)
  if (requestEnd < 0) return { reject: 'unterminated request' }
  const request = line.slice(requestStart, requestEnd)
  const statusAt = requestEnd + 2
  const status = digits(line, statusAt, 3)
  if (line.charCodeAt(requestEnd + 1) !== 32 || status < 100 || line.charCodeAt(statusAt + 3) !== 32) return { reject: 'no status' }
  let sizeEnd = line.indexOf(' ', statusAt + 4)
  if (sizeEnd < 0) sizeEnd = line.length
  const sizeText = line.slice(statusAt + 4, sizeEnd)
  const bytes = sizeText === '-' ? 0 : Number(sizeText)
  if (sizeText === '' || !Number.isInteger(bytes)) return { reject: 'unreadable size' }

  const attrs: Record<string, unknown> = { status }
  const firstSpace = request.indexOf(' ')
  let path: string | null = null
  if (firstSpace > 0) {
    attrs.method = request.slice(0, firstSpace)
    const lastSpace = request.lastIndexOf(' ')
    const target = lastSpace > firstSpace ? request.slice(firstSpace + 1, lastSpace) : request.slice(firstSpace + 1)
    if (lastSpace > firstSpace) attrs.protocol = request.slice(lastSpace + 1)
    const query = target.indexOf('?')
    path = query < 0 ? target : target.slice(0, query)
    if (query >= 0) attrs.query = target.slice(query + 1, query + 1 + maxQuery)
  } else if (request !== '-') {
    attrs.request = request.slice(0, maxQuery) // junk such as a TLS handshake sent to the HTTP port
  }
  // Combined: "referer" "user agent"; nginx may append more quoted fields, which are left out.
  if (line.charCodeAt(sizeEnd + 1) === 34) {
    const refererEnd = closingQuote(line, sizeEnd + 2)
    if (refererEnd > 0) {
      const referer = line.slice(sizeEnd + 2, refererEnd)
      if (referer !== '-' && referer !== '') attrs.referer = referer
      if (line.charCodeAt(refererEnd + 2) === 34) {
        const agentEnd = closingQuote(line, refererEnd + 3)
        const agent = agentEnd > 0 ? line.slice(refererEnd + 3, agentEnd) : ''
        if (agent !== '-' && agent !== '') attrs.userAgent = agent
      }
    }
  }
  if (ident !== '-') attrs.ident = ident
  const clientIsIp = isIpLike(client)
  if (!clientIsIp) attrs.clientHost = client
  let host: string | null = null
  if (vhost !== undefined) {
    attrs.vhost = vhost
    const colon = vhost.lastIndexOf(':')
    host = colon > 0 ? vhost.slice(0, colon) : vhost
  }
  return makeEvent({
    ts,
    category: 'web',
    action: 'http_request',
    outcome: status >= 400 ? 'failure' : 'success',
    user: authUser === '-' ? null : authUser,
    host,
    srcIp: clientIsIp ? client : null,
    object: path,
    bytes,
    attrs,
  })
}

/** Share of the first lines (up to 20) that read as access-log lines: ≥ 80 % → 0.95, ≥ 50 % → 0.7. */
export function sniffAccess(sample: Sample): number {
  return sniffByParsing(sample.lines, readAccessLine)
}

/**
 * Apache/nginx access logs (common, combined, vhost_combined) → web/http_request: user = the
 * authenticated user, srcIp = the client, object = the request path without its query, bytes =
 * response size, outcome failure for status ≥ 400; method, status, protocol, query (256 chars),
 * referer, user agent and vhost in attrs. POST/PUT stay http_request, not web_upload: these
 * formats log the response size, not the request body, so an upload cannot be told from a form post.
 */
export const webAccessParser: LogParser = {
  name: 'web-access',
  description: 'Apache / nginx access logs (common, combined, vhost_combined)',
  framing: 'lines',
  sniff: sniffAccess,
  open(): RecordParser {
    return { parse: readAccessLine }
  },
}
