// Session summary tables (`user_id, event_type, session_duration_sec, events_in_session,
// hour_of_day, day_of_week, device_type`): one row per user session.

import { camelCase, findColumn, firstCsvRow, normalizeHeaderName, otherColumns } from './csv-fields'
import { type CsvRecordParser, openCsv } from './csv-reader'
import { decodeTableTime, unreadableTimeReason, WallClock } from './csv-time'
import { makeEvent } from './normalize'
import type { LogParser, ParseContext, Sample } from './types'

const userColumns = ['user_id', 'user', 'username', 'user_name', 'account', 'account_id', 'employee_id', 'uid']
const sessionColumns = ['session_duration_sec', 'session_duration', 'session_duration_s', 'session_length', 'events_in_session']
/** Columns holding a time of day as well as a date; `hour_of_day`/`day_of_week` are not among them. */
export const timeColumns = [
  'timestamp', 'ts', 'datetime', 'date_time', 'time', 'event_time', 'session_start', 'session_start_time',
  'start_time', 'login_time', 'created_at', 'date',
]
const hostColumns = ['host', 'hostname', 'computer', 'pc']
const ipColumns = ['ip', 'ip_address', 'src_ip', 'source_ip', 'client_ip']

function isSessionHeader(names: readonly string[]): boolean {
  return findColumn(names, userColumns) >= 0 && findColumn(names, sessionColumns) >= 0
}

/** A header with a user column and a session-length column: 0.9. */
export function sniffSessions(sample: Sample): number {
  const row = firstCsvRow(sample.lines)
  return row !== null && isSessionHeader(row.map(normalizeHeaderName)) ? 0.9 : 0
}

/** Opens one session table; see `sessionCsvParser`. */
export function openSessions(context: ParseContext): CsvRecordParser {
  const clock = new WallClock(context.timeZone)
  return openCsv((row) => {
    const names = row.map(normalizeHeaderName)
    if (!isSessionHeader(names)) {
      return { fileError: `not a session table: the header needs a user column (${userColumns.join('/')}) and ${sessionColumns.join('/')}` }
    }
    const timeIndex = findColumn(names, timeColumns)
    if (timeIndex < 0) {
      return {
        fileError:
          'no timestamp column: hour_of_day/day_of_week alone cannot place events in time; ' +
          `add a timestamp column (${timeColumns.slice(0, 4).join(', ')}, …) or map one (generic-csv)`,
      }
    }
    const userIndex = findColumn(names, userColumns)
    const hostIndex = findColumn(names, hostColumns)
    const ipIndex = findColumn(names, ipColumns)
    const used = new Set([timeIndex, userIndex, hostIndex, ipIndex])
    const keys = names.map(camelCase)
    const width = names.length
    return {
      firstRowIsData: false,
      read(fields) {
        if (fields.length < width) return { reject: `row has ${fields.length} fields, the header has ${width}` }
        const time = fields[timeIndex] ?? ''
        const ts = decodeTableTime(time, clock)
        if (ts === null) return { reject: unreadableTimeReason(time) }
        return makeEvent({
          ts,
          category: 'authentication',
          action: 'session',
          user: fields[userIndex],
          host: hostIndex >= 0 ? fields[hostIndex] : null,
          srcIp: ipIndex >= 0 ? fields[ipIndex] : null,
          attrs: otherColumns(fields, keys, used, {}),
        })
      },
    }
  })
}

/**
 * Session summary CSV: one `session` event (category authentication) per row, every other
 * column in attrs (`eventType`, `sessionDurationSec`, `eventsInSession`, `deviceType`, …).
 * Needs a timestamp column; without one the file stops with a FileError, never invented dates.
 */
export const sessionCsvParser: LogParser = {
  name: 'session-csv',
  description: 'Per-session summary CSV (user_id, session_duration_sec, events_in_session, …) with a timestamp column',
  framing: 'lines',
  sniff: sniffSessions,
  open: openSessions,
}
