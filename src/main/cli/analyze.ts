import { existsSync } from 'node:fs'
import { ArgusError } from '../../shared/errors'
import { UsageError } from './usage'

/** `argus analyze PATH...`: checks its arguments now; import and scoring land with their issues. */
export async function runAnalyze(_values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('analyze needs at least one PATH (file, folder or archive)')
  const missing = positionals.filter((path) => !existsSync(path))
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`)
  throw new ArgusError('not_available', 'analyze: log import and scoring are not available yet in this build')
}
