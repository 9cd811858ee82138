// Which CERT insider-threat table a file is, and where its columns are. r4+ files start with a
// header; some r1–r3 files (e.g. r1 http.csv) have none, so the first row's shape decides.

import { normalizeHeaderName } from './csv-fields'

/**
 * `activity` is logon.csv and device.csv: both are `id,date,user,pc,activity` before r6, so the
 * activity value (Logon/Logoff, Connect/Disconnect) tells them apart, row by row.
 */
export type CertTable = 'activity' | 'file' | 'email' | 'http' | 'psychometric' | 'ldap'

/** Column positions of one CERT table (-1: the release has no such column). */
export interface CertLayout {
  table: CertTable
  /** Fields a row must have; more are allowed only when the last column is free text (content). */
  width: number
  id: number
  date: number
  user: number
  pc: number
  activity: number
  fileTree: number
  filename: number
  toRemovable: number
  fromRemovable: number
  content: number
  to: number
  cc: number
  bcc: number
  from: number
  size: number
  attachments: number
  url: number
  /** Column index by normalized header name (profiles read their columns by name). */
  names: readonly string[]
}

const oceanColumns = ['o', 'c', 'e', 'a', 'n']

function layoutOf(table: CertTable, names: readonly string[]): CertLayout {
  const at = (...candidates: string[]): number => {
    for (const name of candidates) {
      const index = names.indexOf(name)
      if (index >= 0) return index
    }
    return -1
  }
  return {
    table,
    width: names.length,
    id: at('id'),
    date: at('date'),
    user: at('user'),
    pc: at('pc'),
    activity: at('activity'),
    fileTree: at('file_tree'),
    filename: at('filename'),
    toRemovable: at('to_removable_media'),
    fromRemovable: at('from_removable_media'),
    content: at('content'),
    to: at('to'),
    cc: at('cc'),
    bcc: at('bcc'),
    from: at('from'),
    size: at('size'),
    attachments: at('attachments', 'attachment_count'),
    url: at('url'),
    names,
  }
}

/** The layout a CERT header row describes, or null when it is not a CERT header. */
export function layoutFromHeader(row: readonly string[]): CertLayout | null {
  const names = row.map(normalizeHeaderName)
  const has = (name: string): boolean => names.includes(name)
  if (has('employee_name') && has('user_id')) {
    if (oceanColumns.every(has)) return layoutOf('psychometric', names)
    if (has('role') || has('email')) return layoutOf('ldap', names)
    return null
  }
  if (names[0] !== 'id' || names[1] !== 'date' || !has('user') || !has('pc')) return null
  if (has('url')) return layoutOf('http', names)
  if (has('to') && has('from')) return layoutOf('email', names)
  if (has('filename')) return layoutOf('file', names)
  if (has('activity') && names.length <= 6) return layoutOf('activity', names)
  return null
}

/** `{X1D9-S0ES98JV-5357PWMI}`: CERT's record id. */
export function isCertId(text: string): boolean {
  return text.length >= 10 && text.charCodeAt(0) === 123 && text.charCodeAt(text.length - 1) === 125 && text.indexOf('-') > 0
}

/** `01/02/2010 07:11:45` */
export function isCertDate(text: string): boolean {
  return text.length === 19 && text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47 && text.charCodeAt(10) === 32 && text.charCodeAt(13) === 58
}

const activityValues = new Set(['logon', 'logoff', 'connect', 'disconnect', 'insert', 'remove'])

function isUrl(text: string): boolean {
  return text.startsWith('http://') || text.startsWith('https://') || text.startsWith('www.')
}

/**
 * The layout of a header-less CERT table, from its first data row: id and date first, then
 * the columns each release documents, told apart by what the cells look like. null when the
 * row is not CERT data.
 */
export function layoutFromRow(row: readonly string[]): CertLayout | null {
  const [id, date, , , fifth = '', sixth = '', , eighth = '', ninth = ''] = row
  if (!isCertId(id ?? '') || !isCertDate(date ?? '')) return null
  const base = ['id', 'date', 'user', 'pc']
  const count = row.length
  const lowerFifth = fifth.toLowerCase()
  if (count === 5 && activityValues.has(lowerFifth)) return layoutOf('activity', [...base, 'activity'])
  if (isUrl(fifth)) {
    if (count === 5) return layoutOf('http', [...base, 'url'])
    if (sixth.startsWith('WWW ')) return layoutOf('http', [...base, 'url', 'activity', 'content'])
    return layoutOf('http', [...base, 'url', 'content'])
  }
  if (count === 6 && activityValues.has(sixth.toLowerCase())) return layoutOf('activity', [...base, 'file_tree', 'activity'])
  if (count >= 9 && sixth.startsWith('File ')) {
    return layoutOf('file', [...base, 'filename', 'activity', 'to_removable_media', 'from_removable_media', 'content'])
  }
  if (fifth.includes('@') || eighth.includes('@')) {
    const send = ninth === 'Send' || ninth === 'View'
    const columns = send ? ['to', 'cc', 'bcc', 'from', 'activity', 'size', 'attachments', 'content'] : ['to', 'cc', 'bcc', 'from', 'size', 'attachments', 'content']
    return count >= base.length + columns.length ? layoutOf('email', [...base, ...columns]) : null
  }
  if (count >= 6) return layoutOf('file', [...base, 'filename', 'content'])
  return null
}
