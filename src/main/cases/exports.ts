import type BetterSqlite3 from 'better-sqlite3'
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { ExportFile } from '../../shared/case-schemas'
import { exportAlertRows, exportEventRows, type ExportFilters } from '../store/queries/exports'
import { recordExport, type AuditedWorkspace } from './audited'
import { alertFields, eventFields, type ExportField } from './export-fields'
import { exportWriter } from './export-format'

export type ExportKind = 'events' | 'alerts'
export type ExportFormat = 'csv' | 'json'

/** Rows a contract call returns at most; the CLI streams without a cap. */
export const exportRowCap = 100_000

interface ExportSpec<Row> {
  fields: readonly ExportField<Row>[]
  rows(sqlite: BetterSqlite3.Database, filters: ExportFilters): IterableIterator<Row>
}

function writeRows<Row>(spec: ExportSpec<Row>, sqlite: BetterSqlite3.Database, format: ExportFormat, filters: ExportFilters, write: (chunk: string) => void, cap: number): { rows: number; truncated: boolean } {
  const writer = exportWriter(format, spec.fields)
  write(writer.head)
  let rows = 0
  let truncated = false
  // One row past the cap is read, so a cut export says so and a whole one does not.
  for (const row of spec.rows(sqlite, Number.isFinite(cap) ? { ...filters, limit: cap + 1 } : filters)) {
    if (rows === cap) {
      truncated = true
      break
    }
    write(writer.row(row, rows))
    rows += 1
  }
  write(writer.tail)
  return { rows, truncated }
}

/** Writes one export through `write`, the same rows and columns for the contract call and the CLI. */
export function writeExport(
  sqlite: BetterSqlite3.Database,
  kind: ExportKind,
  format: ExportFormat,
  filters: ExportFilters,
  write: (chunk: string) => void,
  cap = Number.POSITIVE_INFINITY,
): { rows: number; truncated: boolean } {
  return kind === 'events'
    ? writeRows({ fields: eventFields, rows: exportEventRows }, sqlite, format, filters, write, cap)
    : writeRows({ fields: alertFields, rows: exportAlertRows }, sqlite, format, filters, write, cap)
}

const mimeTypes: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' }

/** A file name that says what is inside, safe on every file system. */
export function exportFileName(kind: ExportKind, format: ExportFormat, filters: ExportFilters): string {
  const parts = ['argus', kind, filters.caseId === undefined ? null : `case-${filters.caseId}`, filters.user ?? null]
  return `${parts.filter((part) => part !== null).join('-').replace(/[^A-Za-z0-9._-]+/g, '_')}.${format}`
}

function auditDetails(kind: ExportKind, format: ExportFormat, filters: ExportFilters, result: { rows: number; truncated: boolean }): Record<string, unknown> {
  const { limit: _limit, ...given } = filters
  return { kind, format, filters: given, ...result }
}

/** `exports:alerts` / `exports:events`: the export as text in the reply, capped, with its audit entry. */
export function exportFile(workspace: AuditedWorkspace, kind: ExportKind, format: ExportFormat, filters: ExportFilters, cap = exportRowCap): ExportFile {
  const chunks: string[] = []
  const result = writeExport(workspace.sqlite, kind, format, filters, (chunk) => void chunks.push(chunk), cap)
  const value: ExportFile = { fileName: exportFileName(kind, format, filters), mimeType: mimeTypes[format], encoding: 'utf8', data: chunks.join(''), ...result }
  // Nothing is handed out unless its audit entry was written.
  return recordExport(workspace, `export.${kind}`, () => ({ value, details: auditDetails(kind, format, filters, result) }))
}

/** Writes a file through `produce`, one system call per MiB rather than per row. */
function streamToFile<T>(path: string, produce: (write: (chunk: string) => void) => T): T {
  const fd = openSync(path, 'w')
  try {
    let pending: string[] = []
    let size = 0
    const flush = (): void => {
      writeSync(fd, pending.join(''))
      pending = []
      size = 0
    }
    const result = produce((chunk) => {
      pending.push(chunk)
      size += chunk.length
      if (size >= 1 << 20) flush()
    })
    flush()
    return result
  } finally {
    closeSync(fd)
  }
}

/**
 * The CLI's export: every row streamed to `out` without a cap. The file appears under its name
 * only once complete, in the transaction of its audit entry: a failure leaves neither.
 */
export function exportToFile(workspace: AuditedWorkspace, kind: ExportKind, format: ExportFormat, filters: ExportFilters, out: string): { path: string; rows: number } {
  const path = resolve(out)
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`)
  try {
    const result = streamToFile(partial, (write) => writeExport(workspace.sqlite, kind, format, filters, write))
    return recordExport(workspace, `export.${kind}`, () => {
      renameSync(partial, path)
      return { value: { path, rows: result.rows }, details: { ...auditDetails(kind, format, filters, result), path } }
    })
  } finally {
    rmSync(partial, { force: true })
  }
}
