import { once } from 'node:events'
import { createReadStream, type ReadStream, type Stats } from 'node:fs'
import { lstat, open, readdir, stat, type FileHandle } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { expandPeeked, offer } from './expand'
import { expandZipFile } from './expand-zip'
import { fileReason, problem, type Place } from './place'
import { ProgressAccount, WalkSession } from './session'
import { sniffBytes, sniffContainer } from './sniff-container'
import { byteMeter, connect, ignore } from './streams'
import type { SourceItem, WalkOptions } from './types'

/**
 * Every file under the given paths as a stream of decompressed bytes: plain files as they are,
 * archives (zip, tar, gzip, found by content, nested up to the depth limit) member by member.
 * Problems (unreadable files, refused or damaged members) come in order among the entries; the
 * walk goes on after them. Folders are walked in name order without following symbolic links.
 *
 * Nothing named inside an archive ever becomes a path: the only files written are nested zips
 * copied to `options.tempDir` under generated names. Aborting `options.signal` destroys the
 * entry being read and makes the generator throw the signal's reason; breaking out of a
 * `for await` closes everything too.
 */
export async function* walkSources(paths: readonly string[], options: WalkOptions): AsyncGenerator<SourceItem> {
  const session = new WalkSession(options)
  try {
    for (const path of paths) {
      session.throwIfAborted()
      yield* walkPath(resolve(path), session)
    }
  } finally {
    session.close()
  }
}

/**
 * The bytes the files under `paths` take on disk, found by the same rules as walkSources:
 * the total for a progress bar fed by `onCompressedBytes`.
 */
export async function measureSources(paths: readonly string[]): Promise<number> {
  let total = 0
  const visit = async (path: string, followLink: boolean): Promise<void> => {
    const stats = await (followLink ? stat(path) : lstat(path)).catch(() => null)
    if (stats?.isFile()) total += stats.size
    if (!stats?.isDirectory()) return
    const names = await readdir(path).catch((): string[] => [])
    for (const name of names) await visit(join(path, name), false)
  }
  for (const path of paths) await visit(resolve(path), true)
  return total
}

/** A path the user named: followed if it is a symbolic link (they chose it), unlike links found in folders. */
async function* walkPath(path: string, session: WalkSession): AsyncGenerator<SourceItem> {
  let stats: Stats
  try {
    stats = await stat(path)
  } catch (error) {
    yield problem({ path, entry: null }, fileReason(error))
    return
  }
  if (stats.isDirectory()) yield* walkFolder(path, session)
  else if (stats.isFile()) yield* walkFile(path, stats, session)
  else yield problem({ path, entry: null }, 'skipped: not a regular file')
}

async function* walkFolder(folder: string, session: WalkSession): AsyncGenerator<SourceItem> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    yield problem({ path: folder, entry: null }, fileReason(error))
    return
  }
  names.sort()
  for (const name of names) {
    session.throwIfAborted()
    const path = join(folder, name)
    let stats: Stats
    try {
      stats = await lstat(path)
    } catch (error) {
      yield problem({ path, entry: null }, fileReason(error))
      continue
    }
    if (stats.isSymbolicLink()) yield problem({ path, entry: null }, 'skipped: symbolic link')
    else if (stats.isDirectory()) yield* walkFolder(path, session)
    else if (stats.isFile()) yield* walkFile(path, stats, session)
    else yield problem({ path, entry: null }, 'skipped: not a regular file')
  }
}

async function* walkFile(path: string, stats: Stats, session: WalkSession): AsyncGenerator<SourceItem> {
  const progress = new ProgressAccount(stats.size, (bytes) => session.addCompressedBytes(bytes))
  let file: FileHandle | null = null
  let source: ReadStream | null = null
  try {
    let head: Buffer
    try {
      file = await open(path, 'r')
      head = await readHead(file)
    } catch (error) {
      yield problem({ path, entry: null }, fileReason(error))
      return
    }
    const place: Place = { path, entry: null, name: basename(path), depth: 0 }
    const facts = { size: stats.size, mtime: Math.floor(stats.mtimeMs) }
    const kind = sniffContainer(head)
    if (kind !== null && session.exhausted !== null) {
      yield problem(place, session.exhausted)
      return
    }
    if (kind === 'zip') {
      await file.close()
      file = null
      yield* expandZipFile(path, place, session, progress)
      return
    }
    // One open per file: the stream reads from byte 0 of the handle the head came from, and closes it.
    source = createReadStream(path, { fd: file, start: 0, highWaterMark: readBufferBytes(stats.size) })
    file = null
    const counted = connect(
      source,
      byteMeter((bytes) => progress.add(bytes)),
    )
    if (kind === null) yield* offer(counted, place, facts, session)
    else yield* expandPeeked({ head, stream: counted }, place, facts, session)
  } finally {
    await file?.close()
    // Done with this file whatever happened: move on (or stop) only once it is closed, so an
    // aborted walk leaves nothing open.
    if (source && !source.closed) {
      source.destroy()
      await once(source, 'close').catch(ignore)
    }
    progress.finish()
  }
}

/**
 * Read buffers sized to the file (a large buffer per small file would be garbage for the
 * collector), at most 256 KiB: fewer reads than 64 KiB (EVTX ingest went from 23k to 35k
 * records/s) while what is in flight between the threads stays small.
 */
function readBufferBytes(size: number): number {
  return Math.min(256 * 1024, Math.max(1024, size + 1))
}

async function readHead(file: FileHandle): Promise<Buffer> {
  const buffer = Buffer.alloc(sniffBytes)
  const { bytesRead } = await file.read(buffer, 0, sniffBytes, 0)
  return buffer.subarray(0, bytesRead)
}
