// Logons without sshd: systemd-logind's `New session 42 of user alice.`, and login(1) on a
// console or terminal: `ROOT LOGIN ON tty2`, `LOGIN ON tty1 BY alice`,
// `FAILED LOGIN 1 FROM tty1 FOR alice, Authentication failure`, and shadow-utils' own
// `FAILED LOGIN (1) on '/dev/tty1' FOR 'alice', Authentication failure`. Some syslogd builds put odd tags on
// these (loghub's `-- root[2421]: ROOT LOGIN ON tty2`), so the message text alone decides.

import type { NormalizedEvent } from '../../shared/event'
import { type Finding, demoteToSystemMessage, placeSource } from './syslog-fields'

/** True when the message has one of login(1)'s shapes; cheap enough to ask of every message. */
export function looksLikeLogin(message: string): boolean {
  return message.startsWith('ROOT LOGIN ON ') || message.startsWith('LOGIN ON ') || message.startsWith('FAILED LOGIN ')
}

export function interpretLogin(message: string): Finding | null {
  const attrs: Record<string, unknown> = { service: 'login' }
  const finding: Finding = { category: 'authentication', action: 'logon', outcome: 'success', attrs }
  let rest: string
  if (message.startsWith('ROOT LOGIN ON ')) {
    finding.user = 'root'
    rest = message.slice(14)
  } else if (message.startsWith('LOGIN ON ')) {
    const byAt = message.indexOf(' BY ')
    if (byAt < 0) return null
    const fromAt = message.indexOf(' FROM ', byAt)
    finding.user = message.slice(byAt + 4, fromAt < 0 ? message.length : fromAt)
    rest = message.slice(9, byAt) + (fromAt < 0 ? '' : message.slice(fromAt))
  } else {
    // FAILED LOGIN 1 FROM tty1 FOR alice, Authentication failure
    const fromAt = message.indexOf(' FROM ')
    const forAt = message.indexOf(' FOR ', fromAt)
    if (fromAt < 0 && forAt >= 0) return failedOnTerminal(message, forAt, finding, attrs)
    if (fromAt < 0 || forAt < 0) return null
    const comma = message.indexOf(', ', forAt)
    finding.action = 'logon_failed'
    finding.outcome = 'failure'
    finding.user = message.slice(forAt + 5, comma < 0 ? message.length : comma)
    if (comma >= 0) attrs.reason = message.slice(comma + 2)
    // The FROM part is a tty for console logins and a host for remote ones.
    const from = message.slice(fromAt + 6, forAt)
    if (from.startsWith('tty') || from.startsWith('pts/') || from.startsWith('/dev/')) attrs.tty = from
    else placeSource(from, finding, attrs)
    return finding
  }
  const fromAt = rest.indexOf(' FROM ')
  attrs.tty = fromAt < 0 ? rest : rest.slice(0, fromAt)
  if (fromAt >= 0) placeSource(rest.slice(fromAt + 6), finding, attrs)
  return finding
}

/** shadow-utils login: `FAILED LOGIN (1) on '/dev/tty1' FOR 'alice', Authentication failure`. */
function failedOnTerminal(message: string, forAt: number, finding: Finding, attrs: Record<string, unknown>): Finding | null {
  const comma = message.indexOf(', ', forAt)
  const user = message.slice(forAt + 5, comma < 0 ? message.length : comma).replaceAll("'", '').trim()
  if (user === '') return null
  const onAt = message.indexOf(' on ')
  if (onAt >= 0 && onAt < forAt) attrs.tty = message.slice(onAt + 4, forAt).replaceAll("'", '')
  if (comma >= 0) attrs.reason = message.slice(comma + 2)
  return { ...finding, action: 'logon_failed', outcome: 'failure', user }
}

/**
 * systemd-logind: `New session 42 of user alice.` (`New session c1 of user gdm.` for greeters).
 * Where PAM logs the session too, its line comes first and logind's is its twin (`LogindTwins`).
 */
export function interpretLogind(message: string): Finding | null {
  if (!message.startsWith('New session ')) return null
  const ofAt = message.indexOf(' of user ')
  if (ofAt < 0) return null
  const user = message.slice(ofAt + 9).replace(/\.$/, '')
  if (user === '') return null
  return { category: 'authentication', action: 'session_open', outcome: 'success', user, attrs: { service: 'systemd-logind', session: message.slice(12, ofAt) } }
}

/** logind writes its line within moments of PAM's for the same logon. */
const twinWindowMs = 10_000

/**
 * One logon is one session_open. sshd, gdm and login log `pam_unix(…:session): session opened
 * for user alice` and logind `New session 42 of user alice.` right after it; counted twice, every
 * logon would weigh double next to logs that keep only one of the two. So a logind line seconds
 * after a PAM session_open for the same user on the same host becomes a system message; without
 * one (a log that drops PAM lines) it is the session_open.
 */
export class LogindTwins {
  private readonly opened = new Map<string, number>()

  observe(event: NormalizedEvent): void {
    if (event.action !== 'session_open' || event.host === null || event.user === null) return
    const key = `${event.host}\u0000${event.user}`
    if (event.attrs.service !== 'systemd-logind') {
      this.opened.set(key, event.ts)
      return
    }
    const pam = this.opened.get(key)
    if (pam !== undefined && event.ts >= pam && event.ts - pam <= twinWindowMs) {
      demoteToSystemMessage(event, `New session ${String(event.attrs.session)} of user ${event.user}`, 'the same logon as the PAM session line before it')
    }
  }
}
