// sudo, pkexec and su: who raised their privileges, to whom, and whether it worked.

import { type Finding, leadingNumber, targetUser } from './syslog-fields'

/**
 * `alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls` (ran) and
 * `alice : 3 incorrect password attempts ; TTY=… ; COMMAND=…`, `alice : user NOT in sudoers ; …`
 * (refused: the reason comes before the key=value fields).
 */
export function interpretSudo(text: string): Finding | null {
  const message = text.trimStart()
  const separator = message.indexOf(' : ')
  if (separator <= 0 || separator > 64) return null
  const rest = message.slice(separator + 3)
  const commandAt = rest.indexOf('COMMAND=')
  const fieldsEnd = commandAt < 0 ? rest.length : commandAt
  if (commandAt < 0 && !rest.includes('TTY=')) return null
  const attrs: Record<string, unknown> = {}
  let reason: string | null = null
  for (const segment of rest.slice(0, fieldsEnd).split(' ; ')) {
    const part = segment.trim()
    if (part === '') continue
    const equals = part.indexOf('=')
    const key = equals > 0 ? part.slice(0, equals) : ''
    if (key !== '' && key === key.toUpperCase() && !key.includes(' ')) {
      const value = part.slice(equals + 1)
      if (key === 'USER') attrs.targetUser = targetUser(value)
      else if (key === 'GROUP') attrs.targetGroup = value
      else attrs[key.toLowerCase()] = value
    } else if (reason === null) {
      reason = part
    }
  }
  const command = commandAt < 0 ? null : rest.slice(commandAt + 8).trim()
  const user = message.slice(0, separator).trim()
  if (reason === null) return { category: 'authentication', action: 'sudo', outcome: 'success', user, object: command, attrs }
  attrs.reason = reason
  if (reason.includes('incorrect password attempt')) {
    const attempts = leadingNumber(reason, 0)
    if (attempts > 0) attrs.attempts = attempts
  }
  return { category: 'authentication', action: 'sudo_failed', outcome: 'failure', user, object: command, attrs }
}

const pkexecRan = ': Executing command '
const pkexecRefused = ': Error executing command as another user: '

/**
 * polkit's pkexec, sudo's twin on desktops:
 * `alice: Executing command [USER=root] [TTY=/dev/pts/0] [CWD=/home/alice] [COMMAND=/bin/sh]` and
 * `alice: Error executing command as another user: Not authorized [USER=root] […] [COMMAND=…]`.
 * Read as `sudo` / `sudo_failed` (attrs.app says pkexec), so every privilege rule sees it.
 */
export function interpretPkexec(message: string): Finding | null {
  const ran = message.indexOf(pkexecRan)
  const refused = ran < 0 ? message.indexOf(pkexecRefused) : -1
  const userEnd = ran >= 0 ? ran : refused
  if (userEnd <= 0 || userEnd > 64) return null
  const fieldsAt = message.indexOf(' [', userEnd)
  const fields = fieldsAt < 0 ? {} : bracketFields(message.slice(fieldsAt + 1))
  const attrs: Record<string, unknown> = {}
  if (fields.USER !== undefined) attrs.targetUser = targetUser(fields.USER)
  if (fields.TTY !== undefined) attrs.tty = fields.TTY
  if (fields.CWD !== undefined) attrs.pwd = fields.CWD
  const finding: Finding = { category: 'authentication', action: 'sudo', outcome: 'success', user: message.slice(0, userEnd), object: fields.COMMAND ?? null, attrs }
  if (ran >= 0) return finding
  attrs.reason = message.slice(refused + pkexecRefused.length, fieldsAt < 0 ? undefined : fieldsAt).trim()
  return { ...finding, action: 'sudo_failed', outcome: 'failure' }
}

/** `[USER=root] [TTY=/dev/pts/0] [COMMAND=/bin/sh -c x]` → { USER: 'root', … }; a command may hold spaces and brackets. */
function bracketFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
  let index = 0
  while (text.charCodeAt(index) === 91) {
    const equals = text.indexOf('=', index)
    const isLast = text.startsWith('COMMAND=', index + 1)
    const close = isLast ? text.lastIndexOf(']') : text.indexOf(']', index)
    if (equals < 0 || close < equals) break
    fields[text.slice(index + 1, equals)] = text.slice(equals + 1, close)
    index = close + 2
  }
  return fields
}

/**
 * shadow's su: `Successful su for root by alice`, `FAILED su for root by alice`, and the line it
 * writes with each, `+ pts/0 alice:root` / `- pts/0 alice:root`; util-linux su:
 * `(to root) alice on pts/0`, `FAILED SU (to root) alice on pts/0`. `user` is who ran su.
 */
export function interpretSu(message: string): Finding | null {
  if (message.startsWith('Successful su for ')) return suFor(message.slice(18), true)
  if (message.startsWith('FAILED su for ')) return suFor(message.slice(14), false)
  if (message.startsWith('FAILED SU (to ')) return suTo(message.slice(14), false)
  if (message.startsWith('(to ')) return suTo(message.slice(4), true)
  const sign = message.charCodeAt(0)
  if ((sign === 43 || sign === 45) && message.charCodeAt(1) === 32) {
    const space = message.indexOf(' ', 2)
    const colon = message.lastIndexOf(':')
    if (space < 0 || colon < space) return null
    return su(message.slice(space + 1, colon), message.slice(colon + 1), message.slice(2, space), sign === 43)
  }
  return null
}

/** `root by alice` */
function suFor(tail: string, succeeded: boolean): Finding | null {
  const byAt = tail.lastIndexOf(' by ')
  if (byAt <= 0) return null
  return su(tail.slice(byAt + 4), tail.slice(0, byAt), null, succeeded)
}

/** `root) alice on pts/0` */
function suTo(tail: string, succeeded: boolean): Finding | null {
  const close = tail.indexOf(') ')
  if (close <= 0) return null
  const rest = tail.slice(close + 2)
  const onAt = rest.lastIndexOf(' on ')
  return su(onAt < 0 ? rest : rest.slice(0, onAt), tail.slice(0, close), onAt < 0 ? null : rest.slice(onAt + 4), succeeded)
}

function su(caller: string, target: string, tty: string | null, succeeded: boolean): Finding {
  const attrs: Record<string, unknown> = { targetUser: targetUser(target) }
  if (tty !== null) attrs.tty = tty
  return {
    category: 'authentication',
    action: succeeded ? 'su' : 'su_failed',
    outcome: succeeded ? 'success' : 'failure',
    user: caller,
    attrs,
  }
}
