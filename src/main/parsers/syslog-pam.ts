// PAM module messages, in both forms: `sshd[1]: pam_unix(sshd:auth): authentication failure; …`
// (Linux-PAM ≥ 0.99) and the older `sshd(pam_unix)[1]: authentication failure; …`, where the
// module sits in the program name. The service (sshd, su, sudo, login, …) decides the verb.

import { type Finding, leadingNumber, placeSource, readKeyValues, splitUid, targetUser } from './syslog-fields'

/** A PAM message split into its module, service (`sshd`), kind (`auth`, `session`) and body. */
export interface PamMessage {
  module: string
  service: string
  kind: string | null
  body: string
}

/** `pam_unix(sshd:auth): body` → its parts; null when the message does not start so. */
export function splitPamPrefix(message: string): PamMessage | null {
  if (!message.startsWith('pam_')) return null
  const open = message.indexOf('(')
  const close = message.indexOf('): ', open)
  if (open < 0 || close < 0 || close - open > 64) return null
  const inner = message.slice(open + 1, close)
  const colon = inner.indexOf(':')
  return {
    module: message.slice(0, open),
    service: colon < 0 ? inner : inner.slice(0, colon),
    kind: colon < 0 ? null : inner.slice(colon + 1),
    body: message.slice(close + 3),
  }
}

/** `sshd(pam_unix)` (an old Linux-PAM program tag) → its module and service; null otherwise. */
export function splitPamProgram(app: string | null, body: string): PamMessage | null {
  if (app === null || !app.endsWith(')')) return null
  const open = app.indexOf('(pam_')
  if (open <= 0) return null
  return { module: app.slice(open + 1, -1), service: app.slice(0, open), kind: null, body }
}

/** The event a PAM message stands for; null for messages with no event of their own (`check pass; user unknown`). */
export function interpretPam(pam: PamMessage): Finding | null {
  const body = pam.body
  if (body.startsWith('authentication failure; ')) return authenticationFailure(pam, body.slice(24), null)
  const summary = failureSummary(body)
  if (summary !== null) return authenticationFailure(pam, summary.details, summary.count)
  if (body.startsWith('session opened for user ')) return session(pam, body.slice(24), 'session_open')
  if (body.startsWith('session closed for user ')) return session(pam, body.slice(24), 'session_close')
  if (body.startsWith('password changed for ')) {
    const user = body.slice(21).trim()
    return { category: 'system', action: 'password_change', outcome: 'success', user, object: user, attrs: pamAttrs(pam) }
  }
  return null
}

/**
 * pam_unix logs a login's first failure on its own line and the rest as one summary when the
 * conversation ends: `PAM 5 more authentication failures; logname= … rhost=1.2.3.4  user=root`
 * (older releases) or `pam_unix(sshd:auth): 5 more authentication failures; …`.
 */
export function failureSummary(body: string): { count: number; details: string } | null {
  const start = body.startsWith('PAM ') ? 4 : 0
  const count = leadingNumber(body, start)
  if (count < 1) return null
  const rest = body.indexOf(' more authentication failure', start)
  const semicolon = body.indexOf('; ', rest)
  if (rest < 0 || rest > start + 10 || semicolon < 0) return null
  return { count, details: body.slice(semicolon + 2) }
}

function pamAttrs(pam: PamMessage): Record<string, unknown> {
  const attrs: Record<string, unknown> = { service: pam.service }
  if (pam.module !== 'pam_unix') attrs.pamModule = pam.module
  return attrs
}

/**
 * `logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=root`. For su the one who failed is
 * the caller (`ruser`/`logname`) and `user` is the account asked for; everywhere else `user` is
 * the account that failed to log on.
 */
function authenticationFailure(pam: PamMessage, details: string, summaryCount: number | null): Finding {
  const fields = readKeyValues(details)
  const attrs = pamAttrs(pam)
  if (fields.tty) attrs.tty = fields.tty
  const service = pam.service.toLowerCase()
  const finding: Finding = { category: 'authentication', action: 'logon_failed', outcome: 'failure', attrs }
  if (service === 'su' || service === 'su-l') {
    finding.action = 'su_failed'
    finding.user = fields.ruser || fields.logname || null
    attrs.targetUser = targetUser(fields.user)
  } else if (service === 'sudo' || service === 'sudo-i') {
    finding.action = 'sudo_failed'
    finding.user = fields.user || fields.ruser || fields.logname || null
  } else {
    finding.user = fields.user || null
    if (fields.ruser) attrs.remoteUser = fields.ruser
  }
  placeSource(fields.rhost, finding, attrs)
  if (summaryCount !== null) {
    // Every failure the summary counts becomes an event, each marked as coming from a summary.
    attrs.pamSummary = true
    finding.repeat = summaryCount
  }
  return finding
}

/**
 * `alice by (uid=0)`, `root(uid=0) by alice(uid=1000)`, `root by LOGIN(uid=0)`, `cyrus` (closed).
 * `user` is the session's account; who opened it (for su and sudo: the caller) is `attrs.byUser`.
 */
function session(pam: PamMessage, tail: string, action: 'session_open' | 'session_close'): Finding {
  const attrs = pamAttrs(pam)
  const byAt = tail.indexOf(' by ')
  const account = splitUid((byAt < 0 ? tail : tail.slice(0, byAt)).trim())
  if (account.uid !== null) attrs.uid = account.uid
  if (byAt >= 0) {
    const by = splitUid(tail.slice(byAt + 4).trim())
    if (by.name !== null) attrs.byUser = by.name
    if (by.uid !== null) attrs.byUid = by.uid
  }
  return { category: 'authentication', action, outcome: 'success', user: account.name, attrs }
}
