// The CERT Insider Threat Test Dataset (CMU SEI, releases r1–r6.2): every table of a release,
// recognized by its header (or, for header-less early files, by the first row's shape).

import { readCertActivity } from './cert-activity'
import { type CertLayout, layoutFromHeader, layoutFromRow } from './cert-layout'
import { readDirectory, readPsychometric, snapshotMonth } from './cert-profiles'
import { splitCsvRecord } from './csv-fields'
import { type CsvRecordParser, type CsvRowReader, openCsv } from './csv-reader'
import { WallClock } from './csv-time'
import type { LogParser, ParseContext, Sample } from './types'

function dataRows(lines: readonly string[], limit: number): string[][] {
  const rows: string[][] = []
  for (const line of lines) {
    if (rows.length === limit) break
    if (line.trim() === '') continue
    const row = splitCsvRecord(rows.length === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line)
    if (row === null) break
    rows.push(row)
  }
  return rows
}

/** Header → 0.95; header-less rows that all have CERT's id/date shape → 0.9. */
export function sniffCert(sample: Sample): number {
  const rows = dataRows(sample.lines, 6)
  const first = rows[0]
  if (!first) return 0
  if (layoutFromHeader(first) !== null) return 0.95
  const layout = layoutFromRow(first)
  if (layout === null) return 0
  // A single id/date-shaped row could be chance; every sampled row must agree.
  const others = rows.slice(1, rows.length - 1)
  return others.every((row) => layoutFromRow(row)?.table === layout.table) ? 0.9 : 0
}

function readerFor(layout: CertLayout, context: ParseContext, clock: WallClock): CsvRowReader {
  if (layout.table === 'psychometric') return (fields) => readPsychometric(fields, layout)
  if (layout.table === 'ldap') {
    const snapshot = snapshotMonth(context.name)
    return (fields) => readDirectory(fields, layout, snapshot)
  }
  return (fields) => readCertActivity(fields, layout, clock)
}

/** Opens one CERT table; see `certInsiderParser`. */
export function openCert(context: ParseContext): CsvRecordParser {
  const clock = new WallClock(context.timeZone)
  return openCsv((row) => {
    const header = layoutFromHeader(row)
    const layout = header ?? layoutFromRow(row)
    if (layout === null) {
      return {
        fileError:
          'not a CERT insider-threat table: expected a header such as id,date,user,pc,activity or ' +
          'employee_name,user_id,… (or a header-less r1–r3 row like {id},MM/DD/YYYY HH:MM:SS,user,pc,…)',
      }
    }
    return { read: readerFor(layout, context, clock), firstRowIsData: header === null }
  })
}

/**
 * CERT insider-threat CSV tables: logon.csv (Logon/Logoff → logon/logoff), device.csv
 * (Connect/Disconnect → device_connect/device_disconnect), file.csv (File Open/Write/Copy/Delete
 * → file_*; before r5 every row is a copy to removable media), email.csv (Send/View →
 * email_send/email_view; before r6 every row is a send), http.csv (WWW Visit/Upload/Download →
 * http_request/web_upload/web_download, object = the URL's host), psychometric.csv and LDAP
 * snapshots (→ profiles). Dates are wall clock in `context.timeZone`. `finish()` reports a row
 * cut off inside a quoted field at the end of the file.
 */
export const certInsiderParser: LogParser = {
  name: 'cert-insider',
  description: 'CERT insider-threat dataset tables (logon, device, file, email, http, psychometric, LDAP)',
  framing: 'lines',
  sniff: sniffCert,
  open: openCert,
}
