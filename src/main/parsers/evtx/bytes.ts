// Little-endian reads, CRC-32 and UTF-16 text over a chunk's bytes. Reads go through a DataView so
// an offset that a damaged file points outside the buffer throws a RangeError (caught per record)
// instead of reading `undefined` and silently producing garbage.

// Slicing-by-8: eight derived tables (one flat array, table t at t * 256) consume 8 bytes per
// step. Chunks are checksummed whole, so with a plain table this was a visible share of reading.
const crcTable = buildCrcTable()

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256 * 8)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  for (let t = 1; t < 8; t++) {
    for (let n = 0; n < 256; n++) {
      const previous = table[(t - 1) * 256 + n]!
      table[t * 256 + n] = table[previous & 0xff]! ^ (previous >>> 8)
    }
  }
  return table
}

/** CRC-32 as zlib computes it, over one or more [start, end) ranges taken as one stream. */
export function crc32(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): number {
  const t = crcTable
  let crc = 0xffffffff
  for (const [start, end] of ranges) {
    const stop = Math.min(end, bytes.length)
    let i = start
    for (; i + 8 <= stop; i += 8) {
      const low = crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))
      crc = t[1792 + (low & 0xff)]! ^ t[1536 + ((low >>> 8) & 0xff)]! ^ t[1280 + ((low >>> 16) & 0xff)]! ^
        t[1024 + (low >>> 24)]! ^ t[768 + bytes[i + 4]!]! ^ t[512 + bytes[i + 5]!]! ^ t[256 + bytes[i + 6]!]! ^ t[bytes[i + 7]!]!
    }
    for (; i < stop; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  }
  return (crc ^ 0xffffffff) >>> 0
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** True when `bytes` holds the ASCII `signature` (8 bytes, NUL included) at `offset`. */
export function hasSignature(bytes: Uint8Array, offset: number, signature: string): boolean {
  if (bytes.length < offset + signature.length) return false
  for (let i = 0; i < signature.length; i++) {
    if (bytes[offset + i] !== signature.charCodeAt(i)) return false
  }
  return true
}

/** An unsigned 64-bit value as a number (exact up to 2^53, which record ids never reach). */
export function readUint64(view: DataView, offset: number): number {
  return view.getUint32(offset + 4, true) * 0x100000000 + view.getUint32(offset, true)
}

const utf16 = new TextDecoder('utf-16le')
const shortString = 24

/** `charCount` UTF-16LE code units at `offset`, without trailing NULs. */
export function readUtf16(view: DataView, offset: number, charCount: number): string {
  let length = charCount
  if (offset + length * 2 > view.byteLength) throw new RangeError('string runs past the chunk')
  while (length > 0 && view.getUint16(offset + (length - 1) * 2, true) === 0) length--
  if (length > shortString) {
    return utf16.decode(new Uint8Array(view.buffer, view.byteOffset + offset, length * 2))
  }
  // Short names and values dominate; a loop beats the decoder's call overhead for them.
  let text = ''
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint16(offset + i * 2, true))
  return text
}

/** Single-byte text (the ANSI value type): Latin-1 is the closest lossless reading without a code page. */
export function readLatin1(view: DataView, offset: number, length: number): string {
  let end = length
  if (offset + end > view.byteLength) throw new RangeError('string runs past the chunk')
  while (end > 0 && view.getUint8(offset + end - 1) === 0) end--
  let text = ''
  for (let i = 0; i < end; i++) text += String.fromCharCode(view.getUint8(offset + i))
  return text
}

const hexPairs = Array.from({ length: 256 }, (_, n) => n.toString(16).toUpperCase().padStart(2, '0'))

/** Bytes as upper-case hex, the way Windows renders binary event data. */
export function hexBytes(view: DataView, offset: number, length: number): string {
  if (offset + length > view.byteLength) throw new RangeError('binary value runs past the chunk')
  let text = ''
  for (let i = 0; i < length; i++) text += hexPairs[view.getUint8(offset + i)]
  return text
}
