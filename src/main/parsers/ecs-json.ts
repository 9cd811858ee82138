// Elastic Common Schema documents as Elastic and the Beats export them (nested or flattened).

import { actionVocabulary } from '../../shared/actions'
import type { EventOutcome } from '../../shared/event'
import { decodeTimestamp, numberAt, parseJsonObject, sampleJsonValues, textAt, textsAt, urlHost, valueAt } from './json-fields'
import { makeEvent } from './normalize'
import type { LogParser, ParseOutcome, RecordParser, Sample } from './types'

/**
 * `event.action` values with a fixed meaning, in Beats' and Elastic Agent's words (compared
 * lower-case with `_` and spaces as `-`). A failure outcome turns logon/ssh/sudo into their
 * failed forms. Anything else is decided by `event.category` + `event.type` (`byCategory`).
 */
const byAction: ReadonlyMap<string, string> = new Map([
  ...['logged-in', 'user-login', 'login', 'logon', 'log-on', 'logged-on', 'user-logged-in', 'authentication-success'].map((key) => [key, 'logon'] as const),
  ...['logged-out', 'user-logout', 'logout', 'logoff', 'log-off', 'user-logged-out'].map((key) => [key, 'logoff'] as const),
  ...['logon-failed', 'login-failed', 'failed-login', 'user-login-failed', 'authentication-failure'].map((key) => [key, 'logon_failed'] as const),
  ['ssh-login', 'ssh_accept'], // Filebeat system/auth
  ['sudo', 'sudo'],
  ...['process-started', 'started-process', 'process-start', 'executed', 'exec', 'process-created', 'process-creation'].map((key) => [key, 'process_start'] as const),
  ...['user-added', 'added-user-account', 'user-created', 'created-user-account'].map((key) => [key, 'account_create'] as const),
  ...['user-removed', 'deleted-user-account', 'user-deleted'].map((key) => [key, 'account_delete'] as const),
  ...['user-changed', 'modified-user-account', 'changed-user-account'].map((key) => [key, 'account_modify'] as const),
  ...['password-changed', 'changed-password'].map((key) => [key, 'password_change'] as const),
  ['password-reset', 'password_reset'],
  ...['group-added', 'group-created', 'added-group-account'].map((key) => [key, 'group_create'] as const),
  ...['user-added-to-group', 'added-member-to-group', 'added-user-to-group'].map((key) => [key, 'group_member_add'] as const),
  ...['user-removed-from-group', 'removed-member-from-group'].map((key) => [key, 'group_member_remove'] as const),
  ...['locked-out', 'account-locked', 'user-locked-out'].map((key) => [key, 'account_lockout'] as const),
  ...['connected-to', 'network-flow', 'connection-attempted', 'network-connection', 'socket-opened'].map((key) => [key, 'network_connect'] as const),
  ...['file-created', 'created-file'].map((key) => [key, 'file_create'] as const),
  ...['file-deleted', 'deleted-file'].map((key) => [key, 'file_delete'] as const),
  ...['opened-file', 'file-opened'].map((key) => [key, 'file_open'] as const),
  ...['wrote-to-file', 'file-modified'].map((key) => [key, 'file_write'] as const),
  // Winlogbeat's names for Windows Security events (4672, 4648, 4724, 4722, 4740, 4768/4769, 4776),
  // for exports that keep event.action but not the winlog fields the windows-json parser reads.
  ['logged-in-special', 'privilege_use'],
  ['logged-in-explicit', 'explicit_credentials'],
  ['reset-password', 'password_reset'],
  ['enabled-user-account', 'account_enable'],
  ['locked-out-user-account', 'account_lockout'],
  ['kerberos-authentication-ticket-requested', 'kerberos_tgt'],
  ['kerberos-service-ticket-requested', 'kerberos_service'],
  ['credential-validated', 'credential_validation'],
])

const failedForm: Readonly<Record<string, string>> = { logon: 'logon_failed', ssh_accept: 'ssh_failed', sudo: 'sudo_failed' }

/** An Argus verb from ECS category/type when `event.action` says nothing we know. */
function byCategory(categories: readonly string[], types: readonly string[], outcome: EventOutcome, document: unknown): string {
  const type = (name: string): boolean => types.includes(name)
  for (const category of categories) {
    switch (category) {
      case 'authentication':
        return type('end') ? 'logoff' : outcome === 'failure' ? 'logon_failed' : 'logon'
      case 'session':
        return type('end') ? 'session_close' : 'session_open'
      case 'process':
        if (type('start')) return 'process_start'
        break
      case 'file':
        if (type('creation')) return 'file_create'
        if (type('deletion')) return 'file_delete'
        if (type('change')) return 'file_write'
        if (type('access')) return 'file_open'
        break
      case 'iam':
        if (type('user') && type('creation')) return 'account_create'
        if (type('user') && type('deletion')) return 'account_delete'
        if (type('user') && type('change')) return 'account_modify'
        if (type('group') && type('creation')) return 'group_create'
        break
      case 'network':
        return 'network_connect'
      case 'web':
        return isUpload(document) ? 'web_upload' : 'http_request'
      case 'email':
        return textAt(document, 'email.direction') === 'inbound' ? 'email_view' : 'email_send'
    }
  }
  return 'system_message'
}

/** POST/PUT with a request body: the client sent data (ECS carries the body size, unlike access logs). */
function isUpload(document: unknown): boolean {
  const method = textAt(document, 'http.request.method')?.toUpperCase()
  return (method === 'POST' || method === 'PUT') && (numberAt(document, 'http.request.body.bytes') ?? 0) > 0
}

function outcomeOf(document: unknown): EventOutcome {
  const outcome = textAt(document, 'event.outcome')?.toLowerCase()
  return outcome === 'success' || outcome === 'failure' ? outcome : 'unknown'
}

function sumOrNull(first: number | null, second: number | null): number | null {
  return first === null && second === null ? null : (first ?? 0) + (second ?? 0)
}

/** What was acted on, by the event's Argus category. */
function objectOf(document: unknown, action: string, category: string): string | null {
  switch (category) {
    case 'process':
      return textAt(document, 'process.command_line') ?? textAt(document, 'process.executable') ?? textAt(document, 'process.name')
    case 'file':
      return textAt(document, 'file.path') ?? textAt(document, 'file.name')
    case 'web': {
      const original = textAt(document, 'url.original')
      return textAt(document, 'url.domain') ?? (original === null ? null : urlHost(original))
    }
    case 'network':
      return textAt(document, 'destination.domain') ?? textAt(document, 'url.domain')
    case 'email': {
      const recipients = textsAt(document, 'email.to.address')
      return recipients.length > 0 ? recipients.join(';') : null
    }
    case 'authentication':
      return action.startsWith('sudo') ? (textAt(document, 'system.auth.sudo.command') ?? textAt(document, 'process.command_line')) : null
    case 'system':
      return action.startsWith('group') ? textAt(document, 'group.name') : (textAt(document, 'user.target.name') ?? textAt(document, 'group.name'))
    default:
      return null
  }
}

/** ECS fields without a column, kept under short names when present. */
const attrPaths: readonly (readonly [string, string])[] = [
  ['dataset', 'event.dataset'], ['module', 'event.module'], ['provider', 'event.provider'], ['eventCode', 'event.code'],
  ['userDomain', 'user.domain'], ['targetUser', 'user.target.name'], ['processName', 'process.name'], ['pid', 'process.pid'],
  ['parentProcess', 'process.parent.name'], ['sourcePort', 'source.port'], ['destinationPort', 'destination.port'],
  ['protocol', 'network.transport'], ['url', 'url.original'], ['method', 'http.request.method'],
  ['status', 'http.response.status_code'], ['userAgent', 'user_agent.original'], ['emailFrom', 'email.from.address'],
  ['subject', 'email.subject'], ['fileHash', 'file.hash.sha256'], ['targetUser', 'system.auth.sudo.user'],
]

/** One ECS document as an event; rejects non-objects and documents without a usable `@timestamp`. */
export function readEcs(record: string): ParseOutcome {
  const document = parseJsonObject(record)
  if (document === null) return { reject: 'not a JSON object' }
  const stamp = valueAt(document, '@timestamp')
  if (stamp === undefined) return { reject: 'no @timestamp' }
  const ts = decodeTimestamp(stamp)
  if (ts === null) return { reject: `unreadable @timestamp '${String(stamp).slice(0, 40)}'` }
  const ecsAction = textAt(document, 'event.action')
  const categories = textsAt(document, 'event.category').map((category) => category.toLowerCase())
  const types = textsAt(document, 'event.type').map((type) => type.toLowerCase())
  const outcome = outcomeOf(document)
  let action = ecsAction === null ? undefined : byAction.get(ecsAction.toLowerCase().replace(/[_ ]/g, '-'))
  // Filebeat's system/auth module leaves event.action unset for sudo and fills system.auth.sudo.
  if (action === undefined && valueAt(document, 'system.auth.sudo') !== undefined) action = valueAt(document, 'system.auth.sudo.error') === undefined ? 'sudo' : 'sudo_failed'
  if (action !== undefined && outcome === 'failure') action = failedForm[action] ?? action
  action ??= byCategory(categories, types, outcome, document)
  const category = actionVocabulary[action]?.category ?? 'system'

  const attrs: Record<string, unknown> = {}
  if (ecsAction !== null) attrs.ecsAction = ecsAction
  if (categories.length > 0) attrs.ecsCategory = categories
  if (types.length > 0) attrs.ecsType = types
  for (const [key, path] of attrPaths) {
    const value = valueAt(document, path)
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attrs[key] = value
  }
  const message = textAt(document, 'message')
  if (message !== null) attrs.message = message.length > 512 ? message.slice(0, 512) : message

  // Logstash and nxlog put the host name in a plain `host` string.
  const hostValue = valueAt(document, 'host')
  const host = typeof hostValue === 'string' ? hostValue : (textAt(document, 'host.name') ?? textAt(document, 'host.hostname'))
  return makeEvent({
    ts,
    category,
    action,
    outcome,
    user: textAt(document, 'user.name'),
    host,
    srcIp: textAt(document, 'source.ip') ?? textAt(document, 'client.ip'),
    dstIp: textAt(document, 'destination.ip') ?? textAt(document, 'server.ip'),
    object: objectOf(document, action, category),
    bytes:
      numberAt(document, 'network.bytes') ??
      sumOrNull(numberAt(document, 'source.bytes'), numberAt(document, 'destination.bytes')) ??
      numberAt(document, 'http.response.body.bytes') ??
      numberAt(document, 'file.size'),
    attrs,
  })
}

const ecsMarkers = ['ecs.version', 'event.category', 'event.kind', 'event.dataset', 'event.module', 'event.action', 'agent.type']
// Windows events exported as JSON (Winlogbeat, OTRF, nxlog) belong to the windows-json parser.
const windowsMarkers = ['winlog', 'EventID', 'EventId', 'event_id', 'winlog.event_id']

/**
 * 0.95 when most sampled documents carry `@timestamp` and an ECS marker (`ecs.version`,
 * `event.*`, `agent.type`); 0.1 for `@timestamp` alone (Logstash output of anything); capped at
 * 0.45 when Windows event fields are present, so windows-json (0.5 and up) wins those files.
 */
export function sniffEcs(sample: Sample): number {
  const documents = sampleJsonValues(sample.lines, 20).filter((value) => value !== null && typeof value === 'object' && !Array.isArray(value))
  if (documents.length === 0) return 0
  let stamped = 0
  let ecs = 0
  let windows = false
  for (const document of documents) {
    if (valueAt(document, '@timestamp') === undefined) continue
    stamped++
    if (ecsMarkers.some((path) => valueAt(document, path) !== undefined)) ecs++
    if (windowsMarkers.some((path) => valueAt(document, path) !== undefined)) windows = true
  }
  const score = ecs * 2 > documents.length ? 0.95 : stamped * 2 > documents.length ? 0.1 : 0
  return windows ? Math.min(score, 0.45) : score
}

/**
 * ECS JSON (Elastic / Beats / Elastic Agent exports, JSON lines or arrays): `@timestamp`,
 * `user.name`, `host.name`, `source.ip`, `destination.ip`, `url.*`, `file.path`, `process.*`,
 * `email.to.address`, byte counts. `event.action`/`event.category`/`event.type`/`event.outcome`
 * map onto the Argus verbs (logon, logon_failed, ssh_accept, process_start, file_*, account_*,
 * network_connect, http_request, email_send, …; else system_message); the original
 * `event.action` stays in attrs.ecsAction.
 */
export const ecsJsonParser: LogParser = {
  name: 'ecs-json',
  description: 'Elastic Common Schema JSON (Elastic, Beats, Elastic Agent exports)',
  framing: 'json',
  sniff: sniffEcs,
  open(): RecordParser {
    return { parse: readEcs }
  },
}
