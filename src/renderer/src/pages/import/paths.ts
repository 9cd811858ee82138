/** How a path on the engine's machine reads on the Import page. */
export interface DisplayPath {
  /** The file's own name, or the archive's. */
  name: string
  /** Where it lies, for a second, quieter line; empty for a bare name. */
  folder: string
}

// `argus serve` keeps browser uploads in <tmp>/argus-uploads-…/<batch>/; that folder means
// nothing to the reader (and is gone when the server stops), so it reads as where it came from.
const uploadFolder = /^.*[\\/]argus-uploads-[^\\/]+[\\/][^\\/]+(?:[\\/]|$)/

export function displayPath(path: string): DisplayPath {
  const upload = uploadFolder.exec(path)
  const rest = upload ? path.slice(upload[0].length) : path
  const cut = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\'))
  const name = cut < 0 ? rest : rest.slice(cut + 1)
  const inside = cut < 0 ? '' : rest.slice(0, cut)
  if (upload) {
    const from = 'uploaded from the browser'
    return { name: name || 'upload', folder: inside ? `${from} › ${inside}` : from }
  }
  return { name: name || rest, folder: inside }
}

/** What a job imports, in a few words: 'auth.log', 'logs and 2 more'. */
export function describePaths(paths: readonly string[]): string {
  const first = paths[0]
  if (first === undefined) return 'import'
  const { name } = displayPath(first)
  return paths.length === 1 ? name : `${name} and ${paths.length - 1} more`
}

/**
 * The file a job is reading, relative to what was dropped when it lies inside it (a dropped
 * folder, an upload batch); archive members come as `archive!/member`.
 */
export function describeEntry(entry: string, paths: readonly string[]): string {
  for (const path of paths) {
    if (entry.startsWith(path) && /^[\\/]/.test(entry.slice(path.length))) {
      return entry.slice(path.length + 1).replace('!/', ' › ')
    }
  }
  const [file = entry, member] = entry.split('!/')
  const { name } = displayPath(file)
  return member === undefined ? name : `${name} › ${member}`
}
