/** Between the path of an archive and the path of a member inside it, e.g. `inner.tar.gz!/var/log/auth.log`. */
export const nestingSeparator = '!/'

export type MemberName = { name: string } | { refused: string }

/**
 * The name of an archive member as the walk reports it: backslashes read as separators, `.` and
 * empty segments dropped. Names that would climb out of a folder if anyone extracted them
 * (absolute, drive letter, `..`) are refused: they are never used as paths here, but a member
 * that hides where it came from is suspicious and the user should see it.
 */
export function memberName(raw: string): MemberName {
  if (raw.includes('\0')) return { refused: 'refused: NUL byte in name' }
  const slashed = raw.replaceAll('\\', '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return { refused: 'refused: path traversal' }
  const segments = slashed.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.includes('..')) return { refused: 'refused: path traversal' }
  if (segments.length === 0) return { refused: 'refused: empty name' }
  return { name: segments.join('/') }
}

/** The entry path of a member `name` of the container at `parent` (null: the container is the user's file). */
export function childEntry(parent: string | null, name: string): string {
  return parent === null ? name : `${parent}${nestingSeparator}${name}`
}

/** The last segment of a path or entry path: what a gzip member is named after. */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return path.slice(cut + 1)
}

/** `auth.log.gz` → `auth.log`, `logs.tgz` → `logs.tar`; a name without a gzip suffix stays as it is. */
export function gunzippedName(name: string): string {
  const lower = name.toLowerCase()
  if (lower.endsWith('.tgz')) return `${name.slice(0, -4)}.tar`
  for (const suffix of ['.gzip', '.gz', '.z']) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) return name.slice(0, -suffix.length)
  }
  return name
}
