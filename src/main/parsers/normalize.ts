import type { EventCategory, EventOutcome, NormalizedEvent } from '../../shared/event'

/**
 * The acting principal as the `user` column holds it: lower-case, without `DOMAIN\` or
 * `@domain`. The form the log gave is kept in attrs (`rawUser`) by `makeEvent`.
 * Machine accounts (`HOST$`), SIDs, `-` and empty values are not users: null.
 */
export function normalizeUser(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  let user = raw.trim()
  const backslash = user.lastIndexOf('\\')
  if (backslash >= 0) user = user.slice(backslash + 1)
  const at = user.indexOf('@')
  if (at > 0) user = user.slice(0, at)
  user = user.toLowerCase()
  if (user === '' || user === '-' || user.endsWith('$') || /^s-1-\d+(-\d+)*$/.test(user)) return null
  return user
}

export interface EventFields {
  ts: number
  category: EventCategory
  action: string
  outcome?: EventOutcome
  user?: string | null
  host?: string | null
  srcIp?: string | null
  dstIp?: string | null
  object?: string | null
  bytes?: number | null
  amount?: number | null
  attrs?: Record<string, unknown>
}

/** A NormalizedEvent with nulls for what is absent; `user` is normalized, its raw form kept. */
export function makeEvent(fields: EventFields): NormalizedEvent {
  const user = normalizeUser(fields.user)
  const attrs = { ...fields.attrs }
  if (fields.user && fields.user !== user) attrs.rawUser = fields.user
  return {
    ts: fields.ts,
    user,
    host: emptyToNull(fields.host),
    srcIp: cleanIp(fields.srcIp),
    dstIp: cleanIp(fields.dstIp),
    category: fields.category,
    action: fields.action,
    outcome: fields.outcome ?? 'unknown',
    object: emptyToNull(fields.object),
    bytes: finiteOrNull(fields.bytes),
    amount: finiteOrNull(fields.amount),
    attrs,
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' || trimmed === '-' ? null : trimmed
}

/** `-`, `::1`-style and `::ffff:1.2.3.4` forms as one canonical text; nothing else rewritten. */
function cleanIp(value: string | null | undefined): string | null {
  const ip = emptyToNull(value)
  if (ip === null) return null
  return ip.toLowerCase().startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
