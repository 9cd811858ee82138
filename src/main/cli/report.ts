import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createRecordCalls } from '../cases/record-calls'
import { UsageError } from './usage'
import { openExistingWorkspace } from './workspace-file'

export const reportOptions = { pdf: { type: 'string' }, html: { type: 'string' } } as const

/**
 * `argus report CASE --pdf FILE | --html FILE`: the case report, written to FILE. It runs the
 * contract's own `reports:case` call, so the report reads the same snapshot and leaves the same
 * audit entry as from the desktop app or `argus serve`; the PDF comes from headless Chromium.
 */
export async function runReport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [caseArgument, ...extra] = positionals
  if (caseArgument === undefined || extra.length > 0) throw new UsageError('report needs one CASE number: argus report CASE --pdf FILE | --html FILE')
  const caseId = Number(caseArgument)
  if (!/^\d+$/.test(caseArgument) || !Number.isSafeInteger(caseId)) throw new UsageError(`CASE must be a case number, got '${caseArgument}'`)
  const targets = (['pdf', 'html'] as const).filter((format) => values[format] !== undefined)
  const [format] = targets
  if (format === undefined || targets.length > 1) throw new UsageError('report needs exactly one of --pdf FILE and --html FILE')
  const target = String(values[format])
  if (target === '') throw new UsageError(`--${format} needs a FILE`)

  const workspace = await openExistingWorkspace(String(values.db))
  try {
    const file = await createRecordCalls(workspace)['reports:case']({ caseId, format })
    const bytes = Buffer.from(file.data, file.encoding)
    writeFileSync(target, bytes)
    console.log(`wrote the report of case #${caseId} to ${resolve(target)} (${format.toUpperCase()}, ${Math.ceil(bytes.length / 1024)} KiB)`)
    return 0
  } finally {
    await workspace.close()
  }
}
