// Account and group changes logged by shadow-utils (useradd, usermod, userdel, groupadd,
// gpasswd, passwd, chage). These lines name the account changed but not who changed it (that is
// the sudo line before them), so `user` stays null unless the line says who acted; `RootActors`
// fills it in from that sudo or su line where there is one.

import type { NormalizedEvent } from '../../shared/event'
import { type Finding, targetUser } from './syslog-fields'

/** Programs whose messages this file reads. */
export const accountPrograms: ReadonlySet<string> = new Set([
  'useradd', 'usermod', 'userdel', 'groupadd', 'groupdel', 'groupmod', 'gpasswd', 'passwd', 'chpasswd', 'chage',
  'adduser', 'deluser', 'newusers', 'chsh', 'chfn',
])

/** A shadow-utils message as an account event; null for its other lines (`group added to /etc/gshadow`, …). */
export function interpretAccountChange(message: string): Finding | null {
  if (message.startsWith('new user: ')) {
    const fields = commaFields(message.slice(10))
    const name = fields.name ?? null
    const attrs = accountAttrs(name)
    if (fields.UID !== undefined) attrs.uid = Number(fields.UID)
    if (fields.GID !== undefined) attrs.gid = Number(fields.GID)
    if (fields.home !== undefined) attrs.home = fields.home
    if (fields.shell !== undefined) attrs.shell = fields.shell
    return change('account_create', name, attrs)
  }
  if (message.startsWith('new group: ')) {
    const fields = commaFields(message.slice(11))
    const attrs: Record<string, unknown> = {}
    if (fields.GID !== undefined) attrs.gid = Number(fields.GID)
    return change('group_create', fields.name ?? null, attrs)
  }
  if (message.startsWith('add ') || message.startsWith('delete ')) return usermodGroup(message)
  if (message.startsWith('change user ') || message.startsWith('lock user ') || message.startsWith('unlock user ')) {
    const name = firstQuoted(message)
    return change('account_modify', name, { ...accountAttrs(name), change: message })
  }
  if (message.startsWith('changed password expiry for ')) {
    const name = message.slice(28).trim()
    return change('account_modify', name, { ...accountAttrs(name), change: message })
  }
  if (message.startsWith('user ')) return gpasswdMember(message)
  if (message.startsWith('password for ')) return passwordChangedBy(message)
  if (message.startsWith('password changed for ')) {
    const name = message.slice(21).trim()
    return { category: 'system', action: 'password_change', outcome: 'success', user: name, object: name, attrs: {} }
  }
  return null
}

function change(action: string, object: string | null, attrs: Record<string, unknown>): Finding {
  return { category: 'system', action, outcome: 'success', user: null, object, attrs }
}

function accountAttrs(name: string | null): Record<string, unknown> {
  return { targetUser: targetUser(name) }
}

/** `name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0` */
function commaFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const part of text.split(', ')) {
    const equals = part.indexOf('=')
    if (equals > 0) fields[part.slice(0, equals).trim()] = part.slice(equals + 1).trim()
  }
  return fields
}

/** The text between the first pair of single quotes (shadow quotes names as 'bob'). */
function firstQuoted(message: string): string | null {
  const open = message.indexOf("'")
  const close = message.indexOf("'", open + 1)
  return open < 0 || close < 0 ? null : message.slice(open + 1, close)
}

/**
 * `add 'bob' to group 'sudo'`, `delete 'bob' from group 'sudo'` (usermod, useradd, userdel),
 * `delete user 'bob'` (userdel). The `shadow group` twin of each membership line (the gshadow
 * file) is left to `system_message`: one membership change is one event.
 */
function usermodGroup(message: string): Finding | null {
  if (message.startsWith("delete user '")) {
    const name = firstQuoted(message)
    return change('account_delete', name, accountAttrs(name))
  }
  const adding = message.startsWith('add ')
  const marker = adding ? "' to group '" : "' from group '"
  const markerAt = message.indexOf(marker)
  if (markerAt < 0 || !message.endsWith("'")) return null
  const member = message.slice(adding ? 5 : 8, markerAt)
  const group = message.slice(markerAt + marker.length, -1)
  return change(adding ? 'group_member_add' : 'group_member_remove', group, accountAttrs(member))
}

/** gpasswd: `user bob added by root to group sudo`, `user bob removed by root from group sudo`. */
function gpasswdMember(message: string): Finding | null {
  const addedAt = message.indexOf(' added by ')
  const removedAt = message.indexOf(' removed by ')
  const adding = addedAt > 0
  const verbAt = adding ? addedAt : removedAt
  if (verbAt < 0) return null
  const rest = message.slice(verbAt + (adding ? 10 : 12))
  const groupMarker = adding ? ' to group ' : ' from group '
  const groupAt = rest.indexOf(groupMarker)
  if (groupAt < 0) return null
  const finding = change(adding ? 'group_member_add' : 'group_member_remove', rest.slice(groupAt + groupMarker.length), accountAttrs(message.slice(5, verbAt)))
  finding.user = rest.slice(0, groupAt)
  return finding
}

/** passwd without PAM: `password for 'bob' changed by 'root'`: by someone else, it is a reset. */
function passwordChangedBy(message: string): Finding | null {
  const byAt = message.indexOf(' changed by ')
  if (byAt < 0) return null
  const owner = message.slice(13, byAt).replaceAll("'", '')
  const actor = message.slice(byAt + 12).replaceAll("'", '').trim()
  const reset = owner !== actor
  return {
    category: 'system',
    action: reset ? 'password_reset' : 'password_change',
    outcome: 'success',
    user: actor,
    object: owner,
    attrs: accountAttrs(owner),
  }
}

/** The actions of shadow-utils lines whose actor `RootActors` may supply. */
const accountActions: ReadonlySet<string> = new Set([
  'account_create', 'account_modify', 'account_delete', 'group_create', 'group_member_add', 'group_member_remove', 'password_reset',
])

/** A sudo or su this recent on the same host is taken as the source of an account change. */
const actorWindowMs = 10 * 60_000

/**
 * Who was acting as root on each host of one log: the user of the latest successful sudo or su
 * there. A `usermod` line names the account changed, not who ran it, and `gpasswd` says `root`;
 * the person is on the sudo or su line just before it (`sudo: alice : … COMMAND=/usr/sbin/usermod
 * -aG sudo alice`). Without such a line within `actorWindowMs` the event keeps its own user.
 */
export class RootActors {
  private readonly latest = new Map<string, { user: string; ts: number }>()

  /** Fills in the actor of an account change, then remembers this event's user if it is a sudo or su. */
  observe(event: NormalizedEvent): void {
    if (event.host === null) return
    if (accountActions.has(event.action) && (event.user === null || event.user === 'root')) {
      const actor = this.latest.get(event.host)
      if (actor !== undefined && event.ts >= actor.ts && event.ts - actor.ts <= actorWindowMs) {
        if (event.user !== null) event.attrs.loggedActor = event.user
        event.user = actor.user
        event.attrs.actorFrom = 'the sudo or su before it on this host'
      }
    }
    if ((event.action === 'sudo' || event.action === 'su') && event.outcome === 'success' && event.user !== null && event.user !== 'root') {
      this.latest.set(event.host, { user: event.user, ts: event.ts })
    }
  }
}
