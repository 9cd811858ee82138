export type ContainerKind = 'zip' | 'gzip' | 'tar'

/** Bytes to read before calling sniffContainer: a whole tar header. */
export const sniffBytes = 512

/**
 * What container the first bytes open, by content alone (names lie: `auth.log.1` may be gzip,
 * `logs.zip` may be plain text). null: not a container, deliver the bytes as they are.
 */
export function sniffContainer(head: Uint8Array): ContainerKind | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    // Local file header of the first entry, or the end record of an empty zip.
    if ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06)) return 'zip'
  }
  // Deflate is the only compression method gzip defines; requiring it halves the false positives.
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return 'gzip'
  if (isTarHeader(head)) return 'tar'
  return null
}

/** A POSIX/GNU tar header: `ustar` at offset 257 and a checksum that adds up. */
function isTarHeader(head: Uint8Array): boolean {
  if (head.length < 512) return false
  const magic = [0x75, 0x73, 0x74, 0x61, 0x72] // 'ustar'
  for (let index = 0; index < magic.length; index += 1) {
    if (head[257 + index] !== magic[index]) return false
  }
  const recorded = parseOctal(head, 148, 8)
  if (recorded === null) return false
  let sum = 0
  for (let index = 0; index < 512; index += 1) {
    // The checksum field itself counts as eight spaces.
    sum += index >= 148 && index < 156 ? 0x20 : (head[index] ?? 0)
  }
  return sum === recorded
}

function parseOctal(bytes: Uint8Array, offset: number, length: number): number | null {
  let value = 0
  let digits = 0
  for (let index = offset; index < offset + length; index += 1) {
    const byte = bytes[index] ?? 0
    if (byte === 0 || byte === 0x20) {
      if (digits > 0) break
      continue
    }
    if (byte < 0x30 || byte > 0x37) return null
    value = value * 8 + (byte - 0x30)
    digits += 1
  }
  return digits > 0 ? value : null
}
