import type { Readable } from 'node:stream'
import { baseName, childEntry, memberName } from './entry-path'
import { expandStream } from './expand'
import { entryTooLarge } from './limits'
import { memberPlace, problem, reasonOf, type Place } from './place'
import type { WalkSession } from './session'
import { readTar } from './tar'
import type { SourceItem } from './types'

/**
 * The members of a tar stream, each expanded in turn. A member that trips a limit or is damaged
 * errors on its own and the walk goes on; a failure of the stream itself (a bomb or damage in
 * the gzip around it) leaves the rest unreachable, said in one problem.
 */
export async function* expandTar(stream: Readable, container: Place, session: WalkSession): AsyncGenerator<SourceItem> {
  try {
    for await (const item of readTar(stream, session)) {
      if (item.kind === 'notice') {
        yield problem(container, item.reason)
        continue
      }
      if (!session.countMember()) {
        item.stream.destroy()
        yield problem(container, session.exhausted ?? 'skipped')
        return
      }
      const skip = skipReason(item.type)
      const named = memberName(item.path)
      if (skip !== null || 'refused' in named) {
        item.stream.destroy()
        const reason = skip ?? ('refused' in named ? named.refused : '')
        if (reason !== '') yield problem({ path: container.path, entry: childEntry(container.entry, item.path) }, reason)
        continue
      }
      const place = memberPlace(container, named.name, baseName(named.name))
      if (item.size > session.limits.maxEntryBytes) {
        item.stream.destroy()
        yield problem(place, entryTooLarge(session.limits).message)
        continue
      }
      yield* expandStream(item.stream, place, { size: item.size, mtime: item.mtime }, session)
      // A nested archive may stop short of its member's end (trailing bytes, damage): skip the rest.
      item.stream.destroy()
    }
  } catch (error) {
    session.throwIfAborted()
    yield problem(container, `${reasonOf(error).replace(/\.$/, '')}; the rest of the archive is unreadable`)
  }
}

/** null: a file to read; '': skipped silently (a directory); else the problem to report. */
function skipReason(type: string): string | null {
  switch (type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return null
    case 'Directory':
    case 'GNUDumpDir':
      return ''
    case 'SymbolicLink':
      return 'skipped: symbolic link'
    case 'Link':
      return 'skipped: hard link'
    case 'CharacterDevice':
    case 'BlockDevice':
      return 'skipped: device file'
    case 'FIFO':
      return 'skipped: FIFO'
    default:
      return `skipped: unsupported tar entry type '${type}'`
  }
}
