import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ArgusError } from '../../shared/errors'

/**
 * Files dropped on the Import page of a browser have no path on this machine: the browser sends
 * their bytes and they land in a private folder that lives as long as the server. Names from the
 * browser are only ever used as sanitized segments below that folder.
 */
export interface UploadStore {
  save(request: IncomingMessage, name: string, batch: string): Promise<string>
  /** The folder holding one drop's files (imported as a folder keeps their relative layout). */
  batchFolder(batch: string): string
  remove(): void
}

export function createUploadStore(): UploadStore {
  const root = mkdtempSync(join(tmpdir(), 'argus-uploads-'))
  const batchFolder = (batch: string): string => join(root, safeSegment(batch))
  return {
    async save(request, name, batch) {
      const segments = name.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.')
      if (segments.length === 0 || segments.some((segment) => segment === '..')) {
        throw new ArgusError('bad_request', `refused upload name '${name}'`)
      }
      const file = join(batchFolder(batch), ...segments.map(safeSegment))
      mkdirSync(dirname(file), { recursive: true })
      await pipeline(request, createWriteStream(file, { flags: 'wx' }))
      return file
    },
    batchFolder,
    remove() {
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Keeps names readable in the imports list while allowing nothing but plain file names. */
function safeSegment(segment: string): string {
  const cleaned = segment.replace(/[^\w.\- ()[\]@+,]/g, '_').slice(0, 200)
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned
}
