// The header of a traditional syslog line as files hold it (RFC 3164 and rsyslog's ISO variant):
//   [BOM][<PRI>]TIMESTAMP HOSTNAME TAG[PID]: MESSAGE
// Real tags are looser than RFC 3164's 32 alphanumerics: `sshd(pam_unix)`, `syslogd 1.4.1`,
// `-- root` (login's ROOT LOGIN line), `/usr/sbin/cron`. So the tag is whatever comes before the
// first `[digits]:` or `: ` within `maxTagLength` characters of the host.

import { type IsoStamp, type Rfc3164Stamp, readIsoStamp, readRfc3164Stamp } from './syslog-time'

/** A traditional syslog line, split. */
export interface TraditionalHeader {
  /** The `<PRI>` value (facility × 8 + severity), or null when the line had none. */
  priority: number | null
  /** Exactly one of `rfc3164` and `iso` is set. */
  rfc3164: Rfc3164Stamp | null
  iso: IsoStamp | null
  host: string | null
  app: string | null
  pid: number | string | null
  message: string
}

/** Why a line is not a traditional syslog line, or 'blank' for an empty one. */
export type HeaderProblem = 'blank' | 'bad PRI' | 'no timestamp' | 'nothing after the timestamp'

const maxTagLength = 64

/** Splits a line; a string says what is wrong with it. */
export function readTraditionalHeader(line: string): TraditionalHeader | HeaderProblem {
  let end = line.length
  // The line framer strips LF and CRLF; a CR, NUL or blank left over from other tools is noise.
  for (let code = line.charCodeAt(end - 1); code === 13 || code === 10 || code === 0 || code === 32 || code === 9; code = line.charCodeAt(end - 1)) end--
  let index = line.charCodeAt(0) === 0xfeff ? 1 : 0
  while (line.charCodeAt(index) === 32 || line.charCodeAt(index) === 9) index++
  if (index >= end) return 'blank'

  let priority: number | null = null
  if (line.charCodeAt(index) === 60) {
    const close = line.indexOf('>', index)
    const value = Number(line.slice(index + 1, close))
    if (close < index + 2 || close > index + 4 || !Number.isInteger(value) || value > 191) return 'bad PRI'
    priority = value
    index = close + 1
  }

  let rfc3164: Rfc3164Stamp | null = null
  let iso: IsoStamp | null = null
  const first = line.charCodeAt(index)
  if (first >= 48 && first <= 57) {
    iso = readIsoStamp(line, index)
    if (iso === null) return 'no timestamp'
    index = iso.end
  } else {
    rfc3164 = readRfc3164Stamp(line, index)
    if (rfc3164 === null) return 'no timestamp'
    index = rfc3164.end
  }
  if (index < end && line.charCodeAt(index) !== 32) return 'no timestamp'
  while (line.charCodeAt(index) === 32) index++
  if (index >= end) return 'nothing after the timestamp'

  let host: string | null = null
  let hostEnd = line.indexOf(' ', index)
  if (hostEnd < 0 || hostEnd > end) hostEnd = end
  // `Dec 10 06:55:46 sshd[1]: …` (no host, as some embedded senders write it): the token is the tag.
  const tagWithoutHost = line.charCodeAt(hostEnd - 1) === 58
  if (!tagWithoutHost) {
    host = line.slice(index, hostEnd)
    index = hostEnd
    while (line.charCodeAt(index) === 32) index++
  }

  const header: TraditionalHeader = { priority, rfc3164, iso, host, app: null, pid: null, message: '' }
  readTag(line, index, end, header)
  return header
}

/** Fills app, pid and message from `TAG[PID]: MESSAGE`; a line without a tag keeps it all as message. */
function readTag(line: string, start: number, end: number, header: TraditionalHeader): void {
  const limit = Math.min(end, start + maxTagLength)
  for (let index = start; index < limit; index++) {
    const code = line.charCodeAt(index)
    if (code === 91) {
      const close = line.indexOf(']', index)
      if (close > index + 1 && close < end && line.charCodeAt(close + 1) === 58 && isDigits(line, index + 1, close)) {
        header.app = line.slice(start, index).trim() || null
        header.pid = Number(line.slice(index + 1, close))
        header.message = messageFrom(line, close + 2, end)
        return
      }
    } else if (code === 58 && (index + 1 === end || line.charCodeAt(index + 1) === 32)) {
      header.app = line.slice(start, index).trim() || null
      header.message = messageFrom(line, index + 1, end)
      return
    }
  }
  header.message = line.slice(start, end)
}

function messageFrom(line: string, start: number, end: number): string {
  let index = start
  while (index < end && line.charCodeAt(index) === 32) index++
  return line.slice(index, end)
}

function isDigits(text: string, start: number, end: number): boolean {
  if (end - start > 10) return false
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) return false
  }
  return true
}

/** RFC 3164 facility and severity of a `<PRI>` value, for attrs. */
export function priorityFields(priority: number): { facility: number; severity: number } {
  return { facility: priority >> 3, severity: priority & 7 }
}
