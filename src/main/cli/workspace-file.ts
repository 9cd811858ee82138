import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { ArgusError } from '../../shared/errors'
import { openWorkspace, type Workspace } from '../store/database'

/** Opens a workspace that must already exist: commands that read one should not create an empty one. */
export async function openExistingWorkspace(file: string, options: { readOnly?: boolean } = {}): Promise<Workspace> {
  if (!existsSync(file)) throw new ArgusError('not_found', `no workspace at ${resolve(file)}`)
  return openWorkspace(file, options)
}
