import type BetterSqlite3 from 'better-sqlite3'

/**
 * Runs `work` in a transaction that takes the write lock first (BEGIN IMMEDIATE). A deferred
 * transaction that reads before it writes (a setting's old value, the audit chain's head) cannot
 * wait for another connection's write: SQLite refuses the upgrade at once with SQLITE_BUSY, so a
 * save made while a scoring run or an import commits would fail. Taking the lock first waits
 * (up to the connection's busy timeout) like any other writer.
 */
export function writeTransaction<T>(sqlite: BetterSqlite3.Database, work: () => T): T {
  return sqlite.transaction(work).immediate()
}
