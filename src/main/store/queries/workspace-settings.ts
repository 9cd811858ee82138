import type BetterSqlite3 from 'better-sqlite3'
import { appendAudit } from './audit'
import { writeSetting } from './settings'
import { isTimeZoneChosen, readDefaultYear, readTimeZone } from './workspace'
import { writeTransaction } from '../write-transaction'

// The workspace-wide settings an analyst changes from Settings, each with its audit entry in the
// same transaction: the audit log says who moved the calendar the scores are counted in.

/**
 * Sets the workspace's time zone; false (and nothing written) when it was already set to that zone.
 * Setting the default explicitly is written too: a zone once chosen is no longer inferred from imports.
 */
export function setTimeZone(sqlite: BetterSqlite3.Database, timeZone: string, actor = 'analyst', now = Date.now()): boolean {
  return writeTransaction(sqlite, () => {
    const previous = readTimeZone(sqlite)
    if (previous === timeZone && isTimeZoneChosen(sqlite)) return false
    writeSetting(sqlite, 'workspace.timeZone', timeZone, now)
    appendAudit(sqlite, { actor, action: 'settings.timeZone', details: { from: previous, to: timeZone } }, now)
    return true
  })
}

/** Sets the year for RFC 3164 lines of later imports (null: each file's modification time decides). */
export function setDefaultYear(sqlite: BetterSqlite3.Database, year: number | null, actor = 'analyst', now = Date.now()): void {
  writeTransaction(sqlite, () => {
    if (readDefaultYear(sqlite) === year) return
    writeSetting(sqlite, 'imports.defaultYear', year, now)
    appendAudit(sqlite, { actor, action: 'settings.defaultYear', details: { year } }, now)
  })
}
