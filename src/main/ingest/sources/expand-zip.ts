import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ZipFile } from 'yauzl'
import { baseName, childEntry, memberName } from './entry-path'
import { expandStream } from './expand'
import { entryTooLarge } from './limits'
import { memberPlace, problem, reasonOf, type Place } from './place'
import type { ProgressAccount, WalkSession } from './session'
import { byteMeter } from './streams'
import type { SourceItem } from './types'
import { readZip, zipEntryStream, zipSkipReason, type ZipMember, type ZipNotice } from './zip'
import { closeZip, openZip } from './zip-open'
import { salvageZip } from './zip-salvage'

/**
 * A zip found inside another archive. Zip needs random access, so its bytes go to a file in
 * tempDir under a generated name (counted against the limits on the way) and are read from there.
 */
export async function* expandNestedZip(stream: Readable, place: Place, session: WalkSession): AsyncGenerator<SourceItem> {
  const limits = session.limits
  const copy = session.tempPath('.zip')
  try {
    let bytes = 0
    const counted = byteMeter((chunk) => {
      bytes += chunk
      if (bytes > limits.maxEntryBytes) throw entryTooLarge(limits)
      session.countBytes(chunk)
    })
    try {
      await pipeline(stream, counted, createWriteStream(copy, { flags: 'wx' }), { signal: session.signal })
    } catch (error) {
      session.throwIfAborted()
      yield problem(place, reasonOf(error))
      return
    }
    yield* expandZipFile(copy, place, session, null)
  } finally {
    await rm(copy, { force: true, maxRetries: 5 })
  }
}

/** The members of a zip file on disk: the user's own, or a nested one copied to tempDir. */
export async function* expandZipFile(path: string, place: Place, session: WalkSession, progress: ProgressAccount | null): AsyncGenerator<SourceItem> {
  let zipfile: ZipFile
  try {
    zipfile = await openZip(path)
  } catch (error) {
    session.throwIfAborted()
    yield problem(place, `damaged zip: ${reasonOf(error).replace(/\.$/, '')}; reading what its entry headers still describe`)
    yield* expandZipMembers(salvageZip(path, session), place, session, progress)
    return
  }
  try {
    yield* expandZipMembers(readZip(zipfile, session), place, session, progress)
  } finally {
    await closeZip(zipfile)
  }
}

async function* expandZipMembers(
  members: AsyncGenerator<ZipMember | ZipNotice>,
  container: Place,
  session: WalkSession,
  progress: ProgressAccount | null,
): AsyncGenerator<SourceItem> {
  try {
    for await (const member of members) {
      if (member.kind === 'notice') {
        yield problem(container, member.reason)
        continue
      }
      if (!session.countMember()) {
        yield problem(container, session.exhausted ?? 'skipped')
        return
      }
      if (member.directory) continue
      const named = memberName(member.name)
      if ('refused' in named) {
        yield problem({ path: container.path, entry: childEntry(container.entry, member.name) }, named.refused)
        continue
      }
      const place = memberPlace(container, named.name, baseName(named.name))
      const skip = zipSkipReason(member, session.limits)
      if (skip !== null) {
        yield problem(place, skip)
        continue
      }
      let raw: Readable
      try {
        raw = await member.openRaw()
      } catch (error) {
        yield problem(place, `damaged zip: ${reasonOf(error)}`)
        continue
      }
      const stream = zipEntryStream(raw, member, session.limits, progress ? (bytes) => progress.add(bytes) : undefined)
      yield* expandStream(stream, place, { size: member.size, mtime: member.mtime }, session)
      stream.destroy()
    }
  } catch (error) {
    session.throwIfAborted()
    yield problem(container, `damaged zip: ${reasonOf(error).replace(/\.$/, '')}; the rest of the archive is unreadable`)
  }
}
