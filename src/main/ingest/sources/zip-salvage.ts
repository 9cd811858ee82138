import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { formatBytes } from './limits'
import type { WalkSession } from './session'
import { streamChunkBytes } from './streams'
import { dosDateTime, type ZipMember, type ZipNotice } from './zip'

const localHeaderSignature = 0x04034b50
const centralHeaderSignature = 0x02014b50
const endSignature = 0x06054b50
const descriptorSignature = 0x08074b50
const hasDataDescriptor = 0x8

/**
 * The members of a zip whose central directory is missing or broken (a truncated download, a
 * copy cut short), read from the local headers in file order. Stops, with a notice, at the first
 * header it cannot make sense of or whose sizes are only written after the data.
 */
export async function* salvageZip(path: string, session: WalkSession): AsyncGenerator<ZipMember | ZipNotice> {
  const file = await open(path, 'r')
  try {
    const fileSize = (await file.stat()).size
    let offset = 0
    for (;;) {
      session.throwIfAborted()
      const header = await readAt(file, 30, offset)
      if (header.length < 4) return
      const signature = header.readUInt32LE(0)
      if (signature === centralHeaderSignature || signature === endSignature) return
      if (signature !== localHeaderSignature || header.length < 30) {
        yield { kind: 'notice', reason: `damaged zip: no entry header at byte ${offset}; the rest is unreadable` }
        return
      }
      const flags = header.readUInt16LE(6)
      const nameLength = header.readUInt16LE(26)
      const extraLength = header.readUInt16LE(28)
      const variable = await readAt(file, nameLength + extraLength, offset + 30)
      if (variable.length < nameLength + extraLength) {
        yield { kind: 'notice', reason: `damaged zip: truncated entry header at byte ${offset}` }
        return
      }
      const nameBytes = variable.subarray(0, nameLength)
      const extraFields = yauzl.parseExtraFields(variable.subarray(nameLength))
      const name = yauzl.getFileNameLowLevel(flags, nameBytes, extraFields, true)
      const sizes = declaredSizes(header, extraFields)
      if (flags & hasDataDescriptor && sizes.compressed === 0 && sizes.size === 0) {
        yield { kind: 'notice', reason: `damaged zip: cannot recover '${name}' and what follows: its sizes are only in the missing central directory` }
        return
      }
      const dataStart = offset + 30 + nameLength + extraLength
      const dataEnd = dataStart + sizes.compressed
      yield {
        kind: 'member',
        name,
        directory: name.endsWith('/') || name.endsWith('\\'),
        encrypted: (flags & 0x1) !== 0,
        symlink: false,
        method: header.readUInt16LE(8),
        size: sizes.size,
        // With a data descriptor the header's CRC may be a placeholder.
        crc: flags & hasDataDescriptor ? null : header.readUInt32LE(14),
        mtime: dosDateTime(header.readUInt16LE(12), header.readUInt16LE(10)),
        openRaw: async () => rangeStream(path, dataStart, dataEnd),
      }
      if (dataEnd > fileSize) {
        yield { kind: 'notice', reason: `damaged zip: file ends ${formatBytes(dataEnd - fileSize)} short, inside '${name}'` }
        return
      }
      offset = dataEnd + (flags & hasDataDescriptor ? await descriptorLength(file, dataEnd, sizes.zip64) : 0)
    }
  } finally {
    await file.close()
  }
}

function declaredSizes(header: Buffer, extraFields: yauzl.ExtraField[]): { size: number; compressed: number; zip64: boolean } {
  let compressed = header.readUInt32LE(18)
  let size = header.readUInt32LE(22)
  const zip64 = extraFields.find((field) => field.id === 0x0001)
  if (zip64 && (size === 0xffffffff || compressed === 0xffffffff) && zip64.data.length >= 16) {
    // In a local header the Zip64 field holds both sizes, uncompressed first.
    size = Number(zip64.data.readBigUInt64LE(0))
    compressed = Number(zip64.data.readBigUInt64LE(8))
    return { size, compressed, zip64: true }
  }
  return { size, compressed, zip64: false }
}

async function descriptorLength(file: FileHandle, at: number, zip64: boolean): Promise<number> {
  const signature = await readAt(file, 4, at)
  const signed = signature.length === 4 && signature.readUInt32LE(0) === descriptorSignature
  return (signed ? 4 : 0) + (zip64 ? 20 : 12)
}

async function readAt(file: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await file.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

function rangeStream(path: string, start: number, end: number): Readable {
  if (end <= start) return Readable.from([])
  return createReadStream(path, { start, end: end - 1, highWaterMark: streamChunkBytes })
}
