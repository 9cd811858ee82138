// OpenSSH's own messages (PAM lines logged under sshd are read by syslog-pam.ts). User names
// after "invalid user" are attacker-chosen and may hold spaces, so addresses are found from the
// end of the text (`lastIndexOf(' from ')`), never by splitting on spaces.

import { type Finding, leadingNumber, placeSource, systemFinding } from './syslog-fields'

const noIdentification = 'Did not receive identification string from '
const maxAttempts = 'maximum authentication attempts exceeded for '

/** A message from sshd (or sshd-session) as an event finding; null when it is none of the known forms. */
export function interpretSshd(app: string | null, text: string): Finding | null {
  let message = text
  const attrs: Record<string, unknown> = {}
  if (message.startsWith('error: ')) message = message.slice(7)
  if (message.endsWith(' [preauth]')) {
    message = message.slice(0, -10)
    attrs.preauth = true
  }
  switch (message.charCodeAt(0)) {
    case 65: // A
      if (message.startsWith('Accepted ')) return attempt(message, 'ssh_accept', 'success', attrs)
      break
    case 70: // F
      if (message.startsWith('Failed ')) return attempt(message, 'ssh_failed', 'failure', attrs)
      break
    case 73: // I
      if (message.startsWith('Invalid user ') || message.startsWith('Illegal user ')) return invalidUser(message, attrs)
      break
    case 85: // U
      if (message.startsWith('User ')) return notAllowed(message, attrs)
      break
    case 109: // m
      if (message.startsWith(maxAttempts)) return tooManyAttempts(message.slice(maxAttempts.length), attrs)
      break
    case 68: // D
      if (message.startsWith('Disconnected from ')) return disconnect(message.slice(18), attrs)
      if (message.startsWith('Disconnecting')) return disconnecting(message, attrs)
      if (message.startsWith(noIdentification)) {
        return withSource(systemFinding(app, text), message.slice(noIdentification.length).split(' ')[0])
      }
      break
    case 67: // C
      if (message.startsWith('Connection closed by ')) return disconnect(message.slice(21), attrs, 'connection closed')
      if (message.startsWith('Connection reset by ')) return disconnect(message.slice(20), attrs, 'connection reset')
      break
    case 82: // R
      if (message.startsWith('Received disconnect from ')) return receivedDisconnect(message.slice(25), attrs)
      break
    case 114: // r
      if (message.startsWith('reverse mapping checking getaddrinfo for ')) {
        const open = message.indexOf(' [')
        const close = message.indexOf(']', open)
        if (open > 0 && close > open) return withSource(systemFinding(app, text), message.slice(open + 2, close))
      }
      break
  }
  return null
}

function withSource(finding: Finding, address: string | undefined): Finding {
  placeSource(address, finding, finding.attrs ?? (finding.attrs = {}))
  return finding
}

/** `Accepted|Failed METHOD for [invalid user ]USER from ADDRESS port N ssh2[: KEY]`. */
function attempt(message: string, action: string, outcome: 'success' | 'failure', attrs: Record<string, unknown>): Finding | null {
  const methodStart = message.indexOf(' ') + 1
  const forAt = message.indexOf(' for ', methodStart)
  const fromAt = message.lastIndexOf(' from ')
  if (forAt < 0 || fromAt < forAt) return null
  attrs.method = message.slice(methodStart, forAt)
  const finding: Finding = { category: 'authentication', action, outcome, user: accountOf(message.slice(forAt + 5, fromAt), attrs), attrs }
  readAddressTail(message.slice(fromAt + 6), finding, attrs)
  return finding
}

/** `ADDRESS port 22 ssh2: RSA SHA256:…`, what follows " from ". */
function readAddressTail(rest: string, finding: Finding, attrs: Record<string, unknown>): void {
  const space = rest.indexOf(' ')
  placeSource(space < 0 ? rest : rest.slice(0, space), finding, attrs)
  if (space >= 0) readPortAndKey(rest.slice(space + 1), attrs)
}

/** ` port 22 ssh2: RSA SHA256:…` after the address. */
function readPortAndKey(rest: string, attrs: Record<string, unknown>): void {
  if (rest.startsWith('port ')) {
    const port = leadingNumber(rest, 5)
    if (port >= 0) attrs.port = port
  }
  const key = rest.indexOf(': ')
  if (key >= 0) attrs.key = rest.slice(key + 2)
}

/** `Invalid user USER from ADDRESS[ port N]` (`Illegal user` before OpenSSH 3.9). */
function invalidUser(message: string, attrs: Record<string, unknown>): Finding | null {
  const fromAt = message.lastIndexOf(' from ')
  if (fromAt < 12) return null
  attrs.invalidUser = true
  const finding: Finding = { category: 'authentication', action: 'ssh_invalid_user', outcome: 'failure', user: message.slice(13, fromAt), attrs }
  readAddressTail(message.slice(fromAt + 6), finding, attrs)
  return finding
}

/**
 * `maximum authentication attempts exceeded for [invalid user ]USER from ADDRESS port N ssh2`:
 * sshd gives up on a connection. Its failed attempts have lines of their own, so this one is a
 * disconnect, not another failure.
 */
function tooManyAttempts(tail: string, attrs: Record<string, unknown>): Finding | null {
  const fromAt = tail.lastIndexOf(' from ')
  if (fromAt < 1) return null
  attrs.reason = 'maximum authentication attempts exceeded'
  const finding: Finding = { category: 'authentication', action: 'ssh_disconnect', outcome: 'unknown', user: accountOf(tail.slice(0, fromAt), attrs), attrs }
  readAddressTail(tail.slice(fromAt + 6), finding, attrs)
  return finding
}

/**
 * `User root from 1.2.3.4 not allowed because not listed in AllowUsers` (also `… because listed
 * in DenyUsers`, `… because none of user's groups are listed in AllowGroups`): a refused account.
 */
function notAllowed(message: string, attrs: Record<string, unknown>): Finding | null {
  const becauseAt = message.indexOf(' not allowed because ')
  const fromAt = message.lastIndexOf(' from ', becauseAt)
  if (becauseAt < 0 || fromAt < 5) return null
  attrs.reason = message.slice(becauseAt + 21)
  const finding: Finding = { category: 'authentication', action: 'ssh_refused', outcome: 'failure', user: message.slice(5, fromAt), attrs }
  placeSource(message.slice(fromAt + 6, becauseAt), finding, attrs)
  return finding
}

/**
 * `[user |invalid user |authenticating user ]USER ADDRESS[ port N]`, or just `ADDRESS[ port N]`:
 * the tail of "Disconnected from", "Connection closed by", "Connection reset by".
 */
function disconnect(tail: string, attrs: Record<string, unknown>, reason?: string): Finding {
  if (reason) attrs.reason = reason
  const finding: Finding = { category: 'authentication', action: 'ssh_disconnect', outcome: 'unknown', attrs }
  readUserAddressPort(tail, finding, attrs)
  return finding
}

function readUserAddressPort(tail: string, finding: Finding, attrs: Record<string, unknown>): void {
  let text = tail
  const portAt = text.lastIndexOf(' port ')
  if (portAt >= 0) {
    const port = leadingNumber(text, portAt + 6)
    if (port >= 0) attrs.port = port
    text = text.slice(0, portAt)
  }
  const lastSpace = text.lastIndexOf(' ')
  placeSource(text.slice(lastSpace + 1), finding, attrs)
  if (lastSpace < 0) return
  let user = accountOf(text.slice(0, lastSpace), attrs)
  if (user.startsWith('authenticating user ')) user = user.slice(20)
  else if (user.startsWith('user ')) user = user.slice(5)
  finding.user = user
}

/** `invalid user bob` → `bob`, marked in attrs.invalidUser; any other name as it is. */
function accountOf(text: string, attrs: Record<string, unknown>): string {
  if (!text.startsWith('invalid user ')) return text
  attrs.invalidUser = true
  return text.slice(13)
}

/** `Received disconnect from ADDRESS: 11: Bye Bye` or `… from ADDRESS port N:11: reason`. */
function receivedDisconnect(tail: string, attrs: Record<string, unknown>): Finding {
  const finding: Finding = { category: 'authentication', action: 'ssh_disconnect', outcome: 'unknown', attrs }
  // IPv6 addresses hold ':' but never ': ', and the new form puts ':' right after the port.
  const portAt = tail.indexOf(' port ')
  let codeAt: number
  if (portAt >= 0) {
    placeSource(tail.slice(0, portAt), finding, attrs)
    const port = leadingNumber(tail, portAt + 6)
    if (port >= 0) attrs.port = port
    codeAt = tail.indexOf(':', portAt) + 1
  } else {
    const colon = tail.indexOf(': ')
    placeSource(colon < 0 ? tail : tail.slice(0, colon), finding, attrs)
    codeAt = colon < 0 ? -1 : colon + 2
  }
  if (codeAt > 0) {
    const code = leadingNumber(tail, codeAt)
    if (code >= 0) attrs.code = code
    const reasonAt = tail.indexOf(': ', codeAt)
    if (reasonAt >= 0) attrs.reason = tail.slice(reasonAt + 2)
  }
  return finding
}

/**
 * `Disconnecting: Too many authentication failures for root` (OpenSSH < 7.5) and
 * `Disconnecting authenticating user root 1.2.3.4 port 22: Too many authentication failures`.
 */
function disconnecting(message: string, attrs: Record<string, unknown>): Finding | null {
  const finding: Finding = { category: 'authentication', action: 'ssh_disconnect', outcome: 'unknown', attrs }
  if (message.startsWith('Disconnecting: ')) {
    const reason = message.slice(15)
    const forAt = reason.lastIndexOf(' for ')
    attrs.reason = forAt < 0 ? reason : reason.slice(0, forAt)
    if (forAt >= 0) finding.user = reason.slice(forAt + 5)
    return finding
  }
  if (!message.startsWith('Disconnecting ')) return null
  const colon = message.indexOf(': ')
  if (colon < 0) return null
  attrs.reason = message.slice(colon + 2)
  readUserAddressPort(message.slice(14, colon), finding, attrs)
  return finding
}
