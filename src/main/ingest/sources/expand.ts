import type { Readable } from 'node:stream'
import { gunzippedName } from './entry-path'
import { expandTar } from './expand-tar'
import { expandNestedZip } from './expand-zip'
import { gunzipStream, gzipModifiedTime } from './gzip'
import { entryTooLarge } from './limits'
import { memberPlace, problem, reasonOf, type Facts, type Place } from './place'
import type { WalkSession } from './session'
import { sniffContainer, sniffBytes } from './sniff-container'
import { byteMeter, connect, ignore, peekStream, type PeekedStream } from './streams'
import type { SourceItem } from './types'

/** Everything a stream from inside an archive holds: itself, or the members of the archive it is. */
export async function* expandStream(stream: Readable, place: Place, facts: Facts, session: WalkSession): AsyncGenerator<SourceItem> {
  let peeked: PeekedStream
  try {
    peeked = await session.abortable(peekStream(stream, sniffBytes))
  } catch (error) {
    stream.destroy()
    session.throwIfAborted()
    yield problem(place, reasonOf(error))
    return
  }
  yield* expandPeeked(peeked, place, facts, session)
}

/** expandStream once the first bytes are known; `peeked.stream` still starts at byte 0. */
export async function* expandPeeked(peeked: PeekedStream, place: Place, facts: Facts, session: WalkSession): AsyncGenerator<SourceItem> {
  const kind = sniffContainer(peeked.head)
  if (kind === null) {
    yield* deliver(peeked.stream, place, facts, session)
    return
  }
  const { maxDepth } = session.limits
  const refusal = session.exhausted ?? (place.depth >= maxDepth ? `skipped: archive nested deeper than ${maxDepth} levels` : null)
  if (refusal !== null) {
    peeked.stream.destroy()
    yield problem(place, refusal)
    return
  }
  if (kind === 'gzip') yield* expandGzip(peeked, place, facts, session)
  else if (kind === 'tar') yield* expandTar(peeked.stream, place, session)
  else yield* expandNestedZip(peeked.stream, place, session)
}

/**
 * A gzip holds one member named after the file without `.gz`, except a tar inside a gzip: a
 * .tar.gz is one archive to its user, so its members sit directly under the gzip's entry path.
 */
async function* expandGzip(peeked: PeekedStream, place: Place, facts: Facts, session: WalkSession): AsyncGenerator<SourceItem> {
  if (!session.countMember()) {
    peeked.stream.destroy()
    yield problem(place, session.exhausted ?? 'skipped')
    return
  }
  const content = gunzipStream(peeked.stream, session.limits)
  let inner: PeekedStream
  try {
    inner = await session.abortable(peekStream(content, sniffBytes))
  } catch (error) {
    content.destroy()
    session.throwIfAborted()
    yield problem(place, reasonOf(error))
    return
  }
  if (sniffContainer(inner.head) === 'tar') {
    yield* expandTar(inner.stream, place, session)
    return
  }
  const name = gunzippedName(place.name)
  const innerFacts = { size: null, mtime: gzipModifiedTime(peeked.head) ?? facts.mtime }
  yield* expandPeeked(inner, memberPlace(place, name, name), innerFacts, session)
}

/** Hands out bytes taken from an archive, counted against the entry and total limits as they flow. */
async function* deliver(stream: Readable, place: Place, facts: Facts, session: WalkSession): AsyncGenerator<SourceItem> {
  const limits = session.limits
  let bytes = 0
  const counted = byteMeter((chunk) => {
    bytes += chunk
    if (bytes > limits.maxEntryBytes) throw entryTooLarge(limits)
    session.countBytes(chunk)
  })
  yield* offer(connect(stream, counted), place, facts, session)
}

/** Yields one entry and, when the consumer moves on, destroys its stream if it was left unfinished. */
export async function* offer(stream: Readable, place: Place, facts: Facts, session: WalkSession): AsyncGenerator<SourceItem> {
  // The consumer owns the errors; this only keeps an error nobody listens for from crashing the app.
  stream.on('error', ignore)
  const release = session.track(stream)
  try {
    yield { kind: 'entry', path: place.path, entry: place.entry, size: facts.size, mtime: facts.mtime, stream }
  } finally {
    release()
    if (!stream.readableEnded) stream.destroy()
  }
  session.throwIfAborted()
}
