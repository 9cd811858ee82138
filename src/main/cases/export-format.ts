import type { ExportField } from './export-fields'

/** Turns rows into the text of one export, piece by piece, so it can go to a string or a file. */
export interface ExportWriter<Row> {
  readonly head: string
  row(row: Row, index: number): string
  readonly tail: string
}

/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; lists and objects as JSON. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** An ECS document: dotted names become nested objects; empty fields are left out, as ECS does. */
export function ecsDocument<Row>(fields: readonly ExportField<Row>[], row: Row): Record<string, unknown> {
  const document: Record<string, unknown> = {}
  for (const field of fields) {
    const value = field.value(row)
    if (value === null || value === undefined) continue
    const path = field.name.startsWith('@') ? [field.name] : field.name.split('.')
    let parent = document
    for (const part of path.slice(0, -1)) parent = (parent[part] ??= {}) as Record<string, unknown>
    parent[path.at(-1)!] = value
  }
  return document
}

export function exportWriter<Row>(format: 'csv' | 'json', fields: readonly ExportField<Row>[]): ExportWriter<Row> {
  if (format === 'csv') {
    return { head: csvLine(fields.map((field) => field.name)), row: (row) => csvLine(fields.map((field) => field.value(row))), tail: '' }
  }
  return { head: '[', row: (row, index) => `${index === 0 ? '\n' : ',\n'}${JSON.stringify(ecsDocument(fields, row))}`, tail: '\n]\n' }
}
