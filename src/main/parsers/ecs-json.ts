// Elastic Common Schema documents as Elastic and the Beats export them (nested or flattened).

import { actionVocabulary } from '../../shared/actions'
import type { EventOutcome } from '../../shared/event'
import { decodeJsonTime, WallClock } from './csv-time'
import { elasticSource, numberAt, parseJsonObject, sampleJsonValues, textAt, textsAt, urlHost, valueAt } from './json-fields'
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

/**
 * For an `event.action` that is none of the names above: the words in it, first match wins.
 * Hand-built pipelines and other exporters name the same thing many ways (`file_copy`,
 * `usb-write`, `wire_transfer`, `user_signin_failed`); reading the words keeps their events in
 * the detectors' view instead of turning them into system messages. Device words come before
 * copy and upload, failure before logon, so `usb-disconnected` and `login-failed` land right.
 */
const byActionWords: readonly (readonly [RegExp, string])[] = [
  [/\b(usb|device|removable|media|drive|disk)\b.*\b(disconnect|disconnected|remove|removed|eject|ejected|unmount|unmounted|unplug|unplugged)\b|\b(disconnect|disconnected|eject|ejected|unmount|unmounted|unplug|unplugged)\b.*\b(usb|device|removable|media|drive|disk)\b/, 'device_disconnect'],
  [/\b(usb|device|removable|media|drive|disk)\b.*\b(connect|connected|insert|inserted|mount|mounted|attach|attached|plug|plugged)\b|\b(connect|connected|insert|inserted|mount|mounted|attach|attached|plug|plugged)\b.*\b(usb|device|removable|drive|disk)\b/, 'device_connect'],
  [/\b(copy|copied|copying)\b|\b(usb|removable)\b.*\b(write|written|file)\b/, 'file_copy'],
  [/\b(upload|uploaded|uploading)\b/, 'web_upload'],
  [/\b(download|downloaded|downloading)\b/, 'web_download'],
  [/\b(transfer|transferred|payment|paid|wire|remittance|transaction|withdrawal|deposit)\b/, 'transfer'],
  [/\b(login|logon|signin|sign in|log in|authentication|authenticated|auth)\b.*\b(fail|failed|failure|denied|rejected|invalid|bad)\b|\b(fail|failed|failure|denied|rejected|invalid|bad)\b.*\b(login|logon|signin|sign in|log in|authentication|password)\b/, 'logon_failed'],
  [/\b(logout|logoff|signout|sign out|log out|log off)\b/, 'logoff'],
  [/\b(login|logon|signin|sign in|log in|logged in|authenticated|authentication)\b/, 'logon'],
  [/\b(add|added|adding)\b.*\b(group|member|role)\b|\b(group|member|membership)\b.*\b(add|added)\b/, 'group_member_add'],
  [/\b(remove|removed|delete|deleted)\b.*\b(group|member)\b|\b(group|member|membership)\b.*\b(remove|removed)\b/, 'group_member_remove'],
  [/\b(create|created|add|added|new)\b.*\b(user|account)\b|\b(user|account)\b.*\b(create|created|added)\b/, 'account_create'],
  [/\bpassword\b.*\breset\b|\breset\b.*\bpassword\b/, 'password_reset'],
  [/\bpassword\b.*\b(change|changed)\b|\b(change|changed)\b.*\bpassword\b/, 'password_change'],
  [/\b(send|sent)\b.*\b(mail|email|message)\b|\b(mail|email|message)\b.*\b(send|sent)\b/, 'email_send'],
  [/\b(process|exec|execute|executed|spawn|spawned|command|run)\b/, 'process_start'],
  [/\bfile\b.*\b(delete|deleted|remove|removed)\b|\b(delete|deleted)\b.*\bfile\b/, 'file_delete'],
  [/\bfile\b.*\b(write|written|modify|modified|change|changed|save|saved)\b|\b(write|wrote|modified|saved)\b.*\bfile\b/, 'file_write'],
  [/\bfile\b.*\b(create|created)\b|\b(create|created)\b.*\bfile\b/, 'file_create'],
  [/\bfile\b.*\b(open|opened|read|access|accessed)\b|\b(open|opened|read|accessed)\b.*\bfile\b/, 'file_open'],
  [/\b(connect|connected|connection|flow)\b/, 'network_connect'],
]

/** `file_copy`, `UsbWrite`, `wire-transfer` as words: `file copy`, `usb write`, `wire transfer`. */
function actionWords(action: string): string {
  return action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** What the words of one `event.action` say, remembered: a file has few distinct actions and many records. */
interface ActionReading {
  action: string | undefined
  removable: boolean
}

const readings = new Map<string, ActionReading>()

function readAction(action: string): ActionReading {
  let reading = readings.get(action)
  if (reading === undefined) {
    const words = actionWords(action)
    reading = { action: byActionWords.find(([pattern]) => pattern.test(words))?.[1], removable: /\b(usb|removable)\b/.test(words) }
    if (readings.size > 10_000) readings.clear()
    readings.set(action, reading)
  }
  return reading
}

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
        // `access`, `info` or no type: a file was touched, which is what file_open counts.
        return 'file_open'
      case 'iam':
        if (type('user') && type('creation')) return 'account_create'
        if (type('user') && type('deletion')) return 'account_delete'
        if (type('user') && type('change')) return 'account_modify'
        if (type('group') && type('creation')) return 'group_create'
        // Winlogbeat's member-added events are group + change with the member in user.target.
        if (type('group') && type('change') && valueAt(document, 'user.target.name') !== undefined) return 'group_member_add'
        break
      case 'network':
        return 'network_connect'
      case 'web':
        return isUpload(document) ? 'web_upload' : 'http_request'
      case 'email':
        return textAt(document, 'email.direction') === 'inbound' ? 'email_view' : 'email_send'
      case 'transaction':
      case 'payment':
        if (firstNumber(document, amountPaths) !== null) return 'transfer'
        break
    }
  }
  return 'system_message'
}

/** A request this large carries a body, when only the whole request's size is given. */
const bodyFromSize = 10_000

/**
 * POST/PUT with a request body: the client sent data (ECS carries the body size, unlike access
 * logs). Without `http.request.body.bytes`, a request (`http.request.bytes`, else the client's
 * `source.bytes`) of `bodyFromSize` or more counts: headers alone stay well under it.
 */
function isUpload(document: unknown): boolean {
  const method = textAt(document, 'http.request.method')?.toUpperCase()
  if (method !== 'POST' && method !== 'PUT') return false
  const body = numberAt(document, 'http.request.body.bytes')
  if (body !== null) return body > 0
  return (numberAt(document, 'http.request.bytes') ?? numberAt(document, 'source.bytes') ?? 0) >= bodyFromSize
}

/** A web request logged as network traffic (a proxy or firewall with URL fields) is web traffic. */
function isWebRequest(document: unknown): boolean {
  return valueAt(document, 'http.request.method') !== undefined || valueAt(document, 'url.full') !== undefined || valueAt(document, 'url.original') !== undefined
}

/** Device fields that say a file event happened on removable storage (Elastic Defend's `file.Ext.device`, `device.type`, …). */
const removableDevicePaths = ['device.type', 'device.bus_type', 'file.device.type', 'file.Ext.device.bus_type', 'file.Ext.device.type', 'file.drive_type', 'file.Ext.drive_type']

function isOnRemovableDevice(document: unknown, ecsAction: string | null): boolean {
  if (ecsAction !== null && readAction(ecsAction).removable) return true
  for (const path of removableDevicePaths) {
    const value = textAt(document, path)
    if (value !== null && /usb|removable/i.test(value)) return true
  }
  return false
}

/** Amount and counterparty of a transfer: `transaction.*`, `payment.*` or `labels.*`, whichever the exporter used. */
const amountPaths = ['transaction.amount', 'payment.amount', 'labels.amount', 'amount']
/**
 * The counterparty as a string, or, where the exporter writes it as an object (a core-banking
 * `beneficiary: {id, name, account, bank}`, ISO 20022's `creditor.account.iban`), its account:
 * the account is what identifies a mule, a name is shared by many.
 */
const counterpartyPaths = [
  ...['transaction', 'payment', 'labels'].flatMap((parent) =>
    ['counterparty', 'beneficiary', 'creditor', 'payee', 'recipient', 'receiver'].flatMap((role) =>
      ['', '.iban', '.account.iban', '.account.id', '.account.number', '.account', '.id', '.name'].map((field) => `${parent}.${role}${field}`),
    ),
  ),
  // The receiving account on the connection's server side, as a transfer between accounts is logged.
  'destination.account.id',
  'destination.account.number',
  'destination.account',
  'destination.user.name',
  'counterparty',
]

function firstNumber(document: unknown, paths: readonly string[]): number | null {
  for (const path of paths) {
    const value = numberAt(document, path)
    if (value !== null) return value
  }
  return null
}

function firstText(document: unknown, paths: readonly string[]): string | null {
  for (const path of paths) {
    const value = textAt(document, path)
    if (value !== null) return value
  }
  return null
}

function outcomeOf(document: unknown): EventOutcome {
  const outcome = textAt(document, 'event.outcome')?.toLowerCase()
  return outcome === 'success' || outcome === 'failure' ? outcome : 'unknown'
}

function sumOrNull(first: number | null, second: number | null): number | null {
  return first === null && second === null ? null : (first ?? 0) + (second ?? 0)
}

/**
 * ECS lists a message's attachments as `email.attachments: [{ file: { name, size } }]`; their
 * sizes are the message's bytes (ECS has no message size) and their names go to attrs.
 */
function readAttachments(document: unknown, attrs: Record<string, unknown>): number | null {
  const attachments = valueAt(document, 'email.attachments')
  if (!Array.isArray(attachments) || attachments.length === 0) return null
  let bytes: number | null = null
  const names: string[] = []
  for (const attachment of attachments) {
    const size = numberAt(attachment, 'file.size')
    if (size !== null && size >= 0) bytes = (bytes ?? 0) + size
    const name = textAt(attachment, 'file.name')
    if (name !== null) names.push(name)
  }
  attrs.attachmentCount = attachments.length
  if (names.length > 0) attrs.attachments = names.join(';')
  return bytes
}

/** What was acted on, by the event's Argus category. */
function objectOf(document: unknown, action: string, category: string): string | null {
  switch (category) {
    case 'process': {
      const args = textsAt(document, 'process.args')
      return textAt(document, 'process.command_line') ?? (args.length > 0 ? args.join(' ') : null) ?? textAt(document, 'process.executable') ?? textAt(document, 'process.name')
    }
    case 'file':
      // A copy's destination is what matters (is it a removable drive?); `file.target_path` where an exporter gives both.
      return (action === 'file_copy' ? textAt(document, 'file.target_path') : null) ?? textAt(document, 'file.path') ?? textAt(document, 'file.name')
    case 'web': {
      const url = textAt(document, 'url.original') ?? textAt(document, 'url.full')
      return textAt(document, 'url.domain') ?? (url === null ? null : urlHost(url)) ?? textAt(document, 'destination.domain')
    }
    case 'network':
      return textAt(document, 'destination.domain') ?? textAt(document, 'url.domain')
    case 'transaction':
      return firstText(document, counterpartyPaths)
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
  ['protocol', 'network.transport'], ['method', 'http.request.method'],
  ['status', 'http.response.status_code'], ['userAgent', 'user_agent.original'], ['emailFrom', 'email.from.address'],
  ['subject', 'email.subject'], ['fileHash', 'file.hash.sha256'], ['targetUser', 'system.auth.sudo.user'], ['reason', 'system.auth.sudo.error'],
]

/** The requested URL, whole or put together from its domain and path (a rule may look for a path, like LinkedIn's job pages). */
function urlOf(document: unknown): string | null {
  const whole = textAt(document, 'url.original') ?? textAt(document, 'url.full')
  if (whole !== null) return whole
  const domain = textAt(document, 'url.domain')
  const path = textAt(document, 'url.path')
  return domain !== null && path !== null ? `${domain}${path.startsWith('/') ? '' : '/'}${path}` : null
}

/**
 * Elasticsearch reads an `@timestamp` without an offset (`2024-03-04T09:15:00`, what Python's
 * `isoformat()` writes for a naive time) as UTC, and so does Argus.
 */
const utc = new WallClock('UTC')

/** One ECS document (or an Elasticsearch hit's `_source`) as an event; rejects non-objects and documents without a usable `@timestamp`. */
export function readEcs(record: string): ParseOutcome {
  const parsed = parseJsonObject(record)
  if (parsed === null) return { reject: 'not a JSON object' }
  const document = elasticSource(parsed)
  const stamp = valueAt(document, '@timestamp')
  if (stamp === undefined) return { reject: 'no @timestamp' }
  const ts = decodeJsonTime(stamp, utc)
  if (ts === null) return { reject: `unreadable @timestamp '${String(stamp).slice(0, 40)}'` }
  const ecsAction = textAt(document, 'event.action')
  const categories = textsAt(document, 'event.category').map((category) => category.toLowerCase())
  const types = textsAt(document, 'event.type').map((type) => type.toLowerCase())
  const outcome = outcomeOf(document)
  let action = ecsAction === null ? undefined : byAction.get(ecsAction.toLowerCase().replace(/[_ ]/g, '-'))
  // Filebeat's system/auth module leaves event.action unset for sudo and fills system.auth.sudo.
  if (action === undefined && valueAt(document, 'system.auth.sudo') !== undefined) action = valueAt(document, 'system.auth.sudo.error') === undefined ? 'sudo' : 'sudo_failed'
  if (action === undefined && ecsAction !== null) action = readAction(ecsAction).action
  // Money moves only with an amount: a `database-transaction` is not a transfer.
  if (action === 'transfer' && firstNumber(document, amountPaths) === null) action = undefined
  if (action !== undefined && outcome === 'failure') action = failedForm[action] ?? action
  action ??= byCategory(categories, types, outcome, document)
  // A proxy's record without a category (`event.action: allowed`) is web traffic by its URL too.
  if ((action === 'network_connect' || action === 'system_message') && isWebRequest(document)) action = isUpload(document) ? 'web_upload' : 'http_request'
  const category = actionVocabulary[action]?.category ?? 'system'

  const attrs: Record<string, unknown> = {}
  if (ecsAction !== null) attrs.ecsAction = ecsAction
  if (categories.length > 0) attrs.ecsCategory = categories
  if (types.length > 0) attrs.ecsType = types
  for (const [key, path] of attrPaths) {
    const value = valueAt(document, path)
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attrs[key] = value
  }
  const url = urlOf(document)
  if (url !== null) attrs.url = url
  const message = textAt(document, 'message')
  if (message !== null) attrs.message = message.length > 512 ? message.slice(0, 512) : message
  if (category === 'email') {
    const copied = [['cc', textsAt(document, 'email.cc.address')], ['bcc', textsAt(document, 'email.bcc.address')]] as const
    for (const [key, addresses] of copied) if (addresses.length > 0) attrs[key] = addresses.join(';')
  }
  const attachmentBytes = category === 'email' ? readAttachments(document, attrs) : null
  // The record's text first: most file events never mention a USB device, and seven lookups per event cost 10 % of parsing.
  if (category === 'file' && /usb|removable/i.test(record) && isOnRemovableDevice(document, ecsAction)) attrs.toRemovableMedia = true

  // Logstash and nxlog put the host name in a plain `host` string.
  const hostValue = valueAt(document, 'host')
  const host = typeof hostValue === 'string' ? hostValue : (textAt(document, 'host.name') ?? textAt(document, 'host.hostname'))
  return makeEvent({
    ts,
    category,
    action,
    outcome,
    // Exporters without user.name put the person on the connection's client side or give only a mail address.
    user: textAt(document, 'user.name') ?? textAt(document, 'source.user.name') ?? textAt(document, 'client.user.name') ?? textAt(document, 'user.email'),
    host,
    srcIp: textAt(document, 'source.ip') ?? textAt(document, 'client.ip'),
    dstIp: textAt(document, 'destination.ip') ?? textAt(document, 'server.ip'),
    object: objectOf(document, action, category),
    bytes:
      attachmentBytes ??
      numberAt(document, 'network.bytes') ??
      sumOrNull(numberAt(document, 'source.bytes'), numberAt(document, 'destination.bytes')) ??
      numberAt(document, 'http.request.bytes') ??
      numberAt(document, 'http.request.body.bytes') ??
      numberAt(document, 'http.response.body.bytes') ??
      numberAt(document, 'file.size'),
    amount: category === 'transaction' ? firstNumber(document, amountPaths) : null,
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
  const documents = sampleJsonValues(sample.lines, 20)
    .filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value))
    .map(elasticSource)
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
