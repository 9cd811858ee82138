import { exportToFile, type ExportFormat, type ExportKind } from '../cases/exports'
import { UsageError } from './usage'
import { openExistingWorkspace } from './workspace-file'

export const exportOptions = {
  format: { type: 'string' },
  out: { type: 'string' },
  user: { type: 'string' },
  case: { type: 'string' },
} as const

const kinds: readonly ExportKind[] = ['alerts', 'events']
const formats: readonly ExportFormat[] = ['csv', 'json']

/** `argus export alerts|events`: every matching row streamed to a file, ECS field names, no cap. */
export async function runExport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [kind, ...extra] = positionals
  if (!kinds.includes(kind as ExportKind) || extra.length > 0) throw new UsageError('export needs what to export: argus export alerts|events --format csv|json --out FILE')
  const format = values.format
  if (!formats.includes(format as ExportFormat)) throw new UsageError(`--format must be csv or json, got '${String(format ?? '')}'`)
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('export needs --out FILE')
  const caseId = values.case === undefined ? undefined : Number(values.case)
  if (caseId !== undefined && !Number.isSafeInteger(caseId)) throw new UsageError(`--case must be a case number, got '${String(values.case)}'`)
  const workspace = await openExistingWorkspace(String(values.db))
  try {
    const filters = { user: values.user as string | undefined, caseId }
    const { path, rows } = exportToFile(workspace, kind as ExportKind, format as ExportFormat, filters, values.out)
    console.log(`exported ${rows} ${kind} to ${path}`)
    return 0
  } finally {
    await workspace.close()
  }
}
