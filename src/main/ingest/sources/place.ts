import { childEntry } from './entry-path'
import type { SourceProblem } from './types'

/** Where a stream sits: the user's file, the entry path inside it, and how deep in archives. */
export interface Place {
  /** The user's file, absolute. */
  path: string
  /** Entry path of this stream; null for the user's file itself. */
  entry: string | null
  /** The stream's own name (file or member base name): what a gzip's content is named after. */
  name: string
  /** Containers opened around this stream: 0 for the user's file. */
  depth: number
}

/** What is known of a stream's bytes before reading them. */
export interface Facts {
  size: number | null
  mtime: number | null
}

/** The place of a member `name` of the container at `container`. */
export function memberPlace(container: Place, entryName: string, name: string): Place {
  return { path: container.path, entry: childEntry(container.entry, entryName), name, depth: container.depth + 1 }
}

export function problem(place: Pick<Place, 'path' | 'entry'>, reason: string): SourceProblem {
  return { kind: 'problem', path: place.path, entry: place.entry, reason }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A file system error as a reason a person can act on. */
export function fileReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') return 'not found'
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable: permission denied'
  return `unreadable: ${reasonOf(error)}`
}
