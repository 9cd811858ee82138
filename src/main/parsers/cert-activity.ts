// CERT insider-threat activity rows (logon, device, file, email, http) as normalized events.

import type { EventCategory, NormalizedEvent } from '../../shared/event'
import type { CertLayout } from './cert-layout'
import { isDecimal } from './csv-fields'
import { decodeTableTime, type WallClock } from './csv-time'
import { urlHost } from './json-fields'
import { makeEvent } from './normalize'
import type { ParseOutcome } from './types'

/**
 * The CERT user id as the `user` column holds it: `DTAA/ABC0174` (r1–r3) and `ABC0174` (r4+)
 * are the same person, so the `DTAA/` domain goes and the id is lower-cased. Profiles
 * (psychometric, LDAP) use the same function, so events and profiles meet on `abc0174`.
 */
export function certUserId(raw: string): string {
  const slash = raw.lastIndexOf('/')
  return (slash >= 0 ? raw.slice(slash + 1) : raw).trim().toLowerCase()
}

interface Verb {
  action: string
  category: EventCategory
}

const activityVerbs: ReadonlyMap<string, Verb> = new Map([
  ['logon', { action: 'logon', category: 'authentication' }],
  ['logoff', { action: 'logoff', category: 'authentication' }],
  ['connect', { action: 'device_connect', category: 'device' }],
  ['disconnect', { action: 'device_disconnect', category: 'device' }],
  // Early releases' device wording.
  ['insert', { action: 'device_connect', category: 'device' }],
  ['remove', { action: 'device_disconnect', category: 'device' }],
])

const fileVerbs: ReadonlyMap<string, string> = new Map([
  ['file open', 'file_open'],
  ['file write', 'file_write'],
  ['file copy', 'file_copy'],
  ['file delete', 'file_delete'],
])

const httpVerbs: ReadonlyMap<string, string> = new Map([
  ['www visit', 'http_request'],
  ['www upload', 'web_upload'],
  ['www download', 'web_download'],
])

const emailVerbs: ReadonlyMap<string, string> = new Map([
  ['send', 'email_send'],
  ['view', 'email_view'],
])

function cell(fields: readonly string[], index: number): string {
  return index >= 0 ? (fields[index] ?? '') : ''
}

/**
 * Length of the free-text content. It is the last column; when an exporter left commas in it
 * unquoted, the row has extra fields, and they all belong to the content.
 */
function contentLength(fields: readonly string[], layout: CertLayout): number | null {
  if (layout.content < 0) return null
  let length = 0
  for (let index = layout.content; index < fields.length; index++) length += (fields[index] ?? '').length + (index > layout.content ? 1 : 0)
  return length
}

/** One logon/device/file/email/http row as an event, or a rejection saying what was wrong. */
export function readCertActivity(fields: readonly string[], layout: CertLayout, clock: WallClock): ParseOutcome {
  if (fields.length < layout.width) return { reject: `row has ${fields.length} fields, the ${layout.table} table has ${layout.width}` }
  if (fields.length > layout.width && layout.content !== layout.width - 1) {
    return { reject: `row has ${fields.length} fields, the ${layout.table} table has ${layout.width}` }
  }
  const ts = decodeTableTime(cell(fields, layout.date), clock)
  if (ts === null) return { reject: `unreadable date '${cell(fields, layout.date)}'` }
  const rawUser = cell(fields, layout.user)
  const attrs: Record<string, unknown> = {}
  const id = cell(fields, layout.id)
  if (id !== '') attrs.certId = id
  const activity = cell(fields, layout.activity)
  const user = certUserId(rawUser)
  const host = cell(fields, layout.pc)

  // Literal objects, not `{ ...common, … }`: the spread made the whole row 4× slower (measured).
  let event: NormalizedEvent
  switch (layout.table) {
    case 'activity': {
      const verb = activityVerbs.get(activity.toLowerCase())
      if (!verb) return { reject: `unknown logon/device activity '${activity}'` }
      const fileTree = cell(fields, layout.fileTree)
      if (fileTree !== '') attrs.fileTree = fileTree
      event = makeEvent({ ts, user, host, outcome: 'success', attrs, category: verb.category, action: verb.action })
      break
    }
    case 'file': {
      // Before r5 file.csv had no activity: "each entry represents a file copy to a removable media device".
      const action = layout.activity < 0 ? 'file_copy' : fileVerbs.get(activity.toLowerCase())
      if (!action) return { reject: `unknown file activity '${activity}'` }
      attrs.toRemovableMedia = layout.toRemovable < 0 ? layout.activity < 0 : isTrue(cell(fields, layout.toRemovable))
      if (layout.fromRemovable >= 0) attrs.fromRemovableMedia = isTrue(cell(fields, layout.fromRemovable))
      const content = cell(fields, layout.content)
      const space = content.indexOf(' ')
      const signature = space < 0 ? content : content.slice(0, space)
      if (isHexHeader(signature)) attrs.fileHeader = signature
      setContentLength(attrs, fields, layout)
      event = makeEvent({ ts, user, host, outcome: 'success', attrs, category: 'file', action, object: cell(fields, layout.filename) })
      break
    }
    case 'email': {
      const action = layout.activity < 0 ? 'email_send' : emailVerbs.get(activity.toLowerCase())
      if (!action) return { reject: `unknown email activity '${activity}'` }
      for (const [key, index] of [['cc', layout.cc], ['bcc', layout.bcc], ['from', layout.from]] as const) {
        const value = cell(fields, index)
        if (value !== '') attrs[key] = value
      }
      const attachments = attachmentCount(cell(fields, layout.attachments))
      if (attachments !== null) attrs.attachments = attachments
      setContentLength(attrs, fields, layout)
      const size = cell(fields, layout.size)
      event = makeEvent({
        ts,
        user,
        host,
        outcome: 'success',
        attrs,
        category: 'email',
        action,
        object: cell(fields, layout.to),
        bytes: isDecimal(size) ? Number(size) : null,
      })
      break
    }
    case 'http': {
      const action = layout.activity < 0 ? 'http_request' : httpVerbs.get(activity.toLowerCase())
      if (!action) return { reject: `unknown http activity '${activity}'` }
      const url = cell(fields, layout.url)
      attrs.url = url
      setContentLength(attrs, fields, layout)
      event = makeEvent({ ts, user, host, outcome: 'success', attrs, category: 'web', action, object: urlHost(url) })
      break
    }
    default:
      return { reject: `not an activity table: ${layout.table}` }
  }
  // makeEvent keeps the id it was given; the file's own form (`DTAA/ABC0174`) is the raw one.
  if (rawUser !== '' && rawUser !== event.user) event.attrs.rawUser = rawUser
  return event
}

function setContentLength(attrs: Record<string, unknown>, fields: readonly string[], layout: CertLayout): void {
  const length = contentLength(fields, layout)
  if (length !== null) attrs.contentLength = length
}

function isTrue(text: string): boolean {
  return text.toLowerCase() === 'true'
}

/** `D0-CF-11-E0-A1-B1-1A-E1`, `FF-D8`: the hex file signature file.csv puts before the words. */
function isHexHeader(text: string): boolean {
  if (text.length < 2 || text.length > 64 || text.length % 3 !== 2) return false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (index % 3 === 2) {
      if (code !== 45) return false
    } else if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70))) {
      return false
    }
  }
  return true
}

/** r4 gives a count; r6 lists `path(size);path(size)`; empty means none. */
function attachmentCount(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return 0
  if (isDecimal(trimmed)) return Number(trimmed)
  let count = 0
  for (const part of trimmed.split(';')) if (part.trim() !== '') count++
  return count
}
