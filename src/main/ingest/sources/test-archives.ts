import { constants, crc32, deflateRawSync } from 'node:zlib'
import type { SourceItem } from './types'

/** One zip member for zipBuffer: plain bytes, or pre-deflated bytes with the sizes the header should claim. */
export interface ZipSpec {
  name: string
  data?: Buffer
  /** 0 stored, 8 deflated (default when data is given). */
  method?: number
  /** Already-deflated bytes (method 8), e.g. a bomb; with `size` and `crc` for the headers. */
  deflated?: Buffer
  /** The uncompressed size the headers declare (a lie, for bomb tests). */
  size?: number
  crc?: number
  /** Unix mode for the external attributes, e.g. 0o120777 for a symbolic link. */
  mode?: number
  flags?: number
}

/** A zip archive written by hand, so tests can make the malformed ones real tools refuse to make. */
export function zipBuffer(specs: readonly ZipSpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const spec of specs) {
    const name = Buffer.from(spec.name, 'utf8')
    const data = spec.data ?? Buffer.alloc(0)
    const method = spec.deflated ? 8 : (spec.method ?? 8)
    const body = spec.deflated ?? (method === 8 ? deflateRawSync(data) : data)
    const size = spec.size ?? data.length
    const crc = spec.crc ?? crc32(data)
    const flags = (spec.flags ?? 0) | 0x800
    const dosTime = (12 << 11) | (30 << 5) // 12:30:00
    const dosDate = ((2024 - 1980) << 9) | (3 << 5) | 15 // 2024-03-15
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(dosTime, 10)
    local.writeUInt16LE(dosDate, 12)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(dosTime, 12)
    central.writeUInt16LE(dosDate, 14)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((spec.mode ?? 0o100644) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(specs.length, 8)
  end.writeUInt16LE(specs.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** One tar member for tarBuffer; `type` is the ustar type flag ('0' file, '2' symlink, '1' hard link, '3' char device). */
export interface TarSpec {
  name: string
  data?: Buffer
  type?: string
  linkName?: string
}

/** A ustar archive written by hand (names up to 100 bytes), malformed ones included. */
export function tarBuffer(specs: readonly TarSpec[]): Buffer {
  const blocks: Buffer[] = []
  for (const spec of specs) {
    const data = spec.data ?? Buffer.alloc(0)
    const header = Buffer.alloc(512)
    const octal = (value: number, offset: number, length: number): void => {
      header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, 'ascii')
    }
    header.write(spec.name, 0, 100, 'utf8')
    octal(0o644, 100, 8)
    octal(0, 108, 8)
    octal(0, 116, 8)
    octal(data.length, 124, 12)
    octal(1_710_505_800, 136, 12) // 2024-03-15T12:30:00Z
    header.write(spec.type ?? '0', 156, 'ascii')
    if (spec.linkName) header.write(spec.linkName, 157, 100, 'utf8')
    header.write('ustar\0', 257, 'ascii')
    header.write('00', 263, 'ascii')
    header.fill(0x20, 148, 156)
    let sum = 0
    for (const byte of header) sum += byte
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii')
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

const MiB = 1024 * 1024

/**
 * Raw deflate of `mebibytes` MiB of zeros, built from one full-flushed block repeated (about 1 KiB
 * per MiB), so a 2 GiB bomb costs milliseconds instead of seconds of compression.
 */
export function zerosDeflated(mebibytes: number): { deflated: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(MiB)
  const block = deflateRawSync(zeros, { finishFlush: constants.Z_FULL_FLUSH })
  const finalBlock = deflateRawSync(Buffer.alloc(0))
  let crc = 0
  // The CRC of the real content, so the bomb is a valid archive and only the limits can stop it.
  for (let index = 0; index < mebibytes; index += 1) crc = crc32(zeros, crc)
  const deflated = Buffer.concat([...Array.from({ length: mebibytes }, () => block), finalBlock])
  return { deflated, crc, size: mebibytes * MiB }
}

/** A gzip file around raw deflate bytes. */
export function gzipAround(deflated: Buffer, crc: number, size: number): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size % 2 ** 32, 4)
  return Buffer.concat([header, deflated, trailer])
}

/** What a walk yielded, with each entry's stream read to the end (or to its error). */
export type Collected =
  | { kind: 'entry'; path: string; entry: string | null; size: number | null; mtime: number | null; bytes: number; text: string; error: string | null }
  | { kind: 'problem'; path: string; entry: string | null; reason: string }

/** Reads a walk to the end; entry text is kept up to `keepBytes` (the rest is only counted). */
export async function collect(items: AsyncIterable<SourceItem>, keepBytes = 1024 * 1024): Promise<Collected[]> {
  const results: Collected[] = []
  for await (const item of items) {
    if (item.kind === 'problem') {
      results.push(item)
      continue
    }
    const kept: Buffer[] = []
    let bytes = 0
    let error: string | null = null
    try {
      for await (const chunk of item.stream as AsyncIterable<Buffer>) {
        if (bytes < keepBytes) kept.push(chunk)
        bytes += chunk.length
      }
    } catch (caught) {
      error = (caught as Error).message
    }
    const text = Buffer.concat(kept).subarray(0, keepBytes).toString('utf8')
    results.push({ kind: 'entry', path: item.path, entry: item.entry, size: item.size, mtime: item.mtime, bytes, text, error })
  }
  return results
}
