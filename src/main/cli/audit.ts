import { verifyAuditChain } from '../store/queries/audit'
import { UsageError } from './usage'
import { openExistingWorkspace } from './workspace-file'

/** `argus audit verify`: exit 0 when the hash chain is whole, 1 naming the first entry that breaks it. */
export async function runAudit(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [subcommand, ...extra] = positionals
  if (subcommand !== 'verify' || extra.length > 0) throw new UsageError('audit takes one subcommand: argus audit verify [--db FILE]')
  // Read-only: checking for tampering must not add to what it checks.
  const workspace = await openExistingWorkspace(String(values.db), { readOnly: true })
  try {
    const check = verifyAuditChain(workspace.sqlite)
    if (check.ok) {
      console.log(`audit chain whole: ${check.entries} entries, head ${check.headHash}`)
      return 0
    }
    console.log(`audit chain BROKEN at entry #${check.brokenAt}: its content or its link to the entry before does not match its hash`)
    console.log(`last good head ${check.headHash} (${check.entries - 1} entries before the break)`)
    return 1
  } finally {
    await workspace.close()
  }
}
