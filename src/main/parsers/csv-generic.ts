// Any CSV with a header, read through a saved field mapping (normalized field → column name).

import { camelCase, normalizeHeaderName, otherColumns } from './csv-fields'
import { type CsvRecordParser, openCsv } from './csv-reader'
import { decodeTableTime, WallClock } from './csv-time'
import { eventFromMapping, mappingProblem } from './generic-json'
import type { FieldMapping, LogParser, ParseContext } from './types'

type MappedField = keyof FieldMapping

/** Opens one file; see `genericCsvParser`. */
export function openGenericCsv(context: ParseContext): CsvRecordParser {
  const clock = new WallClock(context.timeZone)
  const problem = mappingProblem('generic-csv', context.mapping, 'column name')
  const mapping = context.mapping ?? {}
  return openCsv((row) => {
    if (problem !== null) return problem
    const exact = row.map((name) => name.trim())
    const normalized = row.map(normalizeHeaderName)
    const indexes = new Map<MappedField, number>()
    for (const [field, column] of Object.entries(mapping) as [MappedField, string][]) {
      // The name as the header spells it; else the same name up to case and punctuation.
      let index = exact.indexOf(column.trim())
      if (index < 0) index = normalized.indexOf(normalizeHeaderName(column))
      if (index < 0) return { fileError: `mapped column '${column}' (for ${field}) is not in the header: ${exact.join(', ').slice(0, 300)}` }
      indexes.set(field, index)
    }
    const used = new Set(indexes.values())
    const keys = normalized.map(camelCase)
    const width = row.length
    const decodeTime = (value: unknown): number | null => (typeof value === 'string' ? decodeTableTime(value, clock) : null)
    return {
      firstRowIsData: false,
      read(fields) {
        if (fields.length < width) return { reject: `row has ${fields.length} fields, the header has ${width}` }
        const read = (field: MappedField): unknown => {
          const index = indexes.get(field)
          return index === undefined ? undefined : fields[index]
        }
        return eventFromMapping(read, decodeTime, otherColumns(fields, keys, used, {}))
      },
    }
  })
}

/**
 * Any CSV with a header row, read through `context.mapping` (normalized field → column name).
 * Times: ISO 8601 (offset-less ones as wall clock in `context.timeZone`), `MM/DD/YYYY HH:MM:SS`,
 * or epoch seconds/ms. Unmapped columns go to attrs. Never sniffed: chosen with a saved mapping.
 */
export const genericCsvParser: LogParser = {
  name: 'generic-csv',
  description: 'Any CSV with a header, read through a saved field mapping',
  framing: 'lines',
  sniff: () => 0,
  open: openGenericCsv,
}
