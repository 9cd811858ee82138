import { backupWorkspace } from '../cases/backup'
import { restoreWorkspace } from '../cases/restore'
import { UsageError } from './usage'
import { openExistingWorkspace } from './workspace-file'

/** `argus backup --out FILE`: SQLite's online backup of the workspace, audited inside the copy. */
export async function runBackup(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new UsageError('backup takes no paths: argus backup --out FILE [--db FILE]')
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('backup needs --out FILE')
  const workspace = await openExistingWorkspace(String(values.db))
  try {
    const { path, sizeBytes, auditHead } = await backupWorkspace(workspace, values.out)
    console.log(`backed up ${workspace.path} to ${path}: ${sizeBytes} bytes, audit head ${auditHead}`)
    return 0
  } finally {
    await workspace.close()
  }
}

/** `argus restore FILE`: replaces the workspace with a checked copy of the backup, atomically. */
export async function runRestore(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined || extra.length > 0) throw new UsageError('restore needs one backup FILE: argus restore FILE [--db FILE]')
  const { path, schemaVersion, events, audit } = await restoreWorkspace(file, String(values.db))
  console.log(`restored ${file} to ${path}: schema ${schemaVersion}, ${events} events`)
  if (audit.ok) {
    console.log(`audit chain whole: ${audit.entries} entries, head ${audit.headHash}`)
  } else {
    console.error(`argus: warning: the restored audit chain is BROKEN at entry #${audit.brokenAt} (argus audit verify says more)`)
  }
  return 0
}
