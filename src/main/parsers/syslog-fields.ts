// Small readers shared by the syslog message interpreters (sshd, PAM, sudo, su, shadow tools).

import type { EventCategory, EventOutcome, NormalizedEvent } from '../../shared/event'
import { normalizeUser } from './normalize'

/** What one interpreter understood of a message; the envelope (time, host, app) is added later. */
export interface Finding {
  category: EventCategory
  action: string
  outcome: EventOutcome
  user?: string | null
  srcIp?: string | null
  object?: string | null
  attrs?: Record<string, unknown>
  /**
   * How many occurrences the line stands for (`PAM 5 more authentication failures`): the line
   * becomes that many events.
   */
  repeat?: number
}

/** The longest message text kept in `attrs.message` of a `system_message`. */
export const maxMessageChars = 500

/** Any message no interpreter claims: kept, never dropped. */
export function systemFinding(app: string | null, message: string): Finding {
  return {
    category: 'system',
    action: 'system_message',
    outcome: 'unknown',
    object: app,
    attrs: { message: message.length > maxMessageChars ? message.slice(0, maxMessageChars) : message },
  }
}

/**
 * Makes an event a user-less `system_message`: a second line about something an earlier line
 * already recorded (one logon, one USB stick), kept but not counted twice. `note` says which.
 */
export function demoteToSystemMessage(event: NormalizedEvent, message: string, note: string): void {
  event.category = 'system'
  event.action = 'system_message'
  event.outcome = 'unknown'
  event.user = null
  event.attrs.message = message
  event.attrs.note = note
}

/** True for dotted IPv4 and for IPv6 (hex groups, `::`, an optional embedded IPv4 or `%zone`). */
export function isIpAddress(text: string): boolean {
  if (text.length < 2 || text.length > 64) return false
  let dots = 0
  let colons = 0
  let hexLetters = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 46) dots++
    else if (code === 58) colons++
    else if ((code >= 97 && code <= 102) || (code >= 65 && code <= 70)) hexLetters = true
    else if (code === 37 && colons >= 2) return true // fe80::1%eth0: the zone name is free text
    else if (code < 48 || code > 57) return false
  }
  return colons >= 2 || (colons === 0 && dots === 3 && !hexLetters)
}

/**
 * Where a connection came from: an address goes to `srcIp`; a host name (sshd with UseDNS,
 * PAM's `rhost=`) stays in `attrs.srcHost`, because the src_ip column holds addresses only.
 */
export function placeSource(address: string | undefined, finding: Finding, attrs: Record<string, unknown>): void {
  if (!address) return
  if (isIpAddress(address)) finding.srcIp = address
  else attrs.srcHost = address
}

/** `key=value key= key2=value2` (PAM's failure details) into a record; empty values are kept as ''. */
export function readKeyValues(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
  let index = 0
  while (index < text.length) {
    while (text.charCodeAt(index) === 32) index++
    let end = text.indexOf(' ', index)
    if (end < 0) end = text.length
    const equals = text.indexOf('=', index)
    if (equals > index && equals < end) fields[text.slice(index, equals)] = text.slice(equals + 1, end)
    index = end + 1
  }
  return fields
}

/** A target account as attrs keep it: normalized like `user`, or as given when that leaves nothing. */
export function targetUser(raw: string | undefined | null): string | null {
  if (!raw) return null
  return normalizeUser(raw) ?? raw
}

/** `alice(uid=1000)` → { name: 'alice', uid: 1000 }; `(uid=0)` → { name: null, uid: 0 }. */
export function splitUid(text: string): { name: string | null; uid: number | null } {
  const open = text.indexOf('(uid=')
  if (open < 0) return { name: text || null, uid: null }
  const close = text.indexOf(')', open)
  const uid = Number(text.slice(open + 5, close < 0 ? text.length : close))
  return { name: text.slice(0, open) || null, uid: Number.isInteger(uid) ? uid : null }
}

/** Leading decimal digits at `start` as a number, or -1 when there are none. */
export function leadingNumber(text: string, start: number): number {
  let value = -1
  for (let index = start; index < text.length && index < start + 9; index++) {
    const code = text.charCodeAt(index) - 48
    if (code < 0 || code > 9) break
    value = (value < 0 ? 0 : value * 10) + code
  }
  return value
}

/** A program's short name: `/usr/sbin/sshd` → `sshd`, `sshd(pam_unix)` → `sshd`. */
export function programName(app: string | null): string {
  if (app === null) return ''
  let name = app
  const slash = name.lastIndexOf('/')
  if (slash >= 0) name = name.slice(slash + 1)
  const paren = name.indexOf('(')
  if (paren > 0) name = name.slice(0, paren)
  return name.toLowerCase()
}
