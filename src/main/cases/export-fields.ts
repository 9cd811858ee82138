import type { AlertExportRow, EventExportRow } from '../store/queries/exports'

/** One exported column: its ECS name (or `argus.*` where ECS has none) and how to read it from a row. */
export interface ExportField<Row> {
  readonly name: string
  value(row: Row): unknown
}

const iso = (ms: number): string => new Date(ms).toISOString()

/** Where an event's `object` goes in ECS, by category; anything else stays `argus.object`. */
const objectFieldByCategory: Readonly<Record<string, string>> = {
  file: 'file.path',
  web: 'url.original',
  process: 'process.command_line',
  email: 'email.to.address',
}
const objectFields = ['file.path', 'url.original', 'process.command_line', 'email.to.address', 'argus.object']

function objectAs(name: string): ExportField<EventExportRow> {
  return { name, value: (row) => ((objectFieldByCategory[row.category] ?? 'argus.object') === name ? row.object : null) }
}

export const eventFields: readonly ExportField<EventExportRow>[] = [
  { name: '@timestamp', value: (row) => iso(row.ts) },
  { name: 'event.id', value: (row) => String(row.id) },
  { name: 'user.name', value: (row) => row.user },
  { name: 'host.name', value: (row) => row.host },
  { name: 'source.ip', value: (row) => row.src_ip },
  { name: 'destination.ip', value: (row) => row.dst_ip },
  { name: 'event.category', value: (row) => row.category },
  { name: 'event.action', value: (row) => row.action },
  { name: 'event.outcome', value: (row) => row.outcome },
  ...objectFields.map(objectAs),
  // A copied file's size is the file's; anything else that moved bytes moved them over the network.
  { name: 'file.size', value: (row) => (row.category === 'file' ? row.bytes : null) },
  { name: 'network.bytes', value: (row) => (row.category === 'file' ? null : row.bytes) },
  { name: 'argus.amount', value: (row) => row.amount },
  { name: 'tags', value: (row) => JSON.parse(row.tags) as string[] },
  { name: 'log.file.path', value: (row) => row.source_path },
  { name: 'argus.source.entry', value: (row) => row.source_entry },
  { name: 'argus.source.id', value: (row) => row.source_id },
  { name: 'argus.source.line', value: (row) => row.line_no },
  { name: 'argus.attrs', value: (row) => JSON.parse(row.attrs) as Record<string, unknown> },
]

export const alertFields: readonly ExportField<AlertExportRow>[] = [
  { name: '@timestamp', value: (row) => iso(row.created_at) },
  { name: 'event.kind', value: () => 'alert' },
  { name: 'event.id', value: (row) => String(row.id) },
  { name: 'user.name', value: (row) => row.user },
  { name: 'message', value: (row) => row.summary },
  { name: 'tags', value: (row) => JSON.parse(row.tags) as string[] },
  { name: 'argus.date', value: (row) => row.date },
  { name: 'argus.risk', value: (row) => row.risk },
  { name: 'argus.severity', value: (row) => row.severity },
  { name: 'argus.types', value: (row) => JSON.parse(row.types) as string[] },
  { name: 'argus.status', value: (row) => row.status },
  { name: 'argus.verdict', value: (row) => row.verdict },
  { name: 'argus.updated', value: (row) => iso(row.updated_at) },
]
