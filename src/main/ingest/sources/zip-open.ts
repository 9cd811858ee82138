import { once } from 'node:events'
import { close, fstat, open, read } from 'node:fs'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import yauzl, { type ZipFile } from 'yauzl'
import { ignore, streamChunkBytes } from './streams'

const endRecordSignature = 0x06054b50
const endRecordBytes = 22
const maxCommentBytes = 0xffff

/**
 * yauzl reads through this: positional reads on one descriptor, 64 KiB at a time. The descriptor
 * closes only once no read is in flight, so a read can never land on a reused descriptor number.
 */
class FileReader extends yauzl.RandomAccessReader {
  private readonly fd: number
  private pending = 0
  private closed = false
  private closeWhenIdle: (() => void) | null = null

  constructor(fd: number) {
    super()
    this.fd = fd
  }

  override _readStreamForRange(start: number, end: number): Readable {
    let position = start
    const stream: Readable = new Readable({
      highWaterMark: streamChunkBytes,
      read: () => {
        const length = Math.min(streamChunkBytes, end - position)
        if (length <= 0) {
          stream.push(null)
          return
        }
        this.read(Buffer.allocUnsafe(length), 0, length, position, (error, bytesRead = 0, buffer?: Buffer) => {
          if (error) stream.destroy(error)
          // A file shorter than its directory says: yauzl's byte count reports the shortfall.
          else if (bytesRead === 0 || !buffer) stream.push(null)
          else {
            position += bytesRead
            stream.push(buffer.subarray(0, bytesRead))
          }
        })
      },
    })
    return stream
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number, buffer?: Buffer) => void): void {
    if (this.closed) {
      callback(new Error('zip file already closed'))
      return
    }
    this.pending += 1
    read(this.fd, buffer, offset, length, position, (error, bytesRead) => {
      this.pending -= 1
      if (this.pending === 0) this.closeWhenIdle?.()
      callback(error, bytesRead, buffer)
    })
  }

  override close(callback: (error: Error | null) => void): void {
    this.closed = true
    this.closeWhenIdle = () => {
      this.closeWhenIdle = null
      close(this.fd, callback)
    }
    if (this.pending === 0) this.closeWhenIdle()
  }
}

const openOptions = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false }

/**
 * Opens a zip from its central directory; rejects when it cannot be found or read. Names stay raw
 * bytes (yauzl would reject the whole zip over one bad name; we refuse just that member), and
 * sizes are checked on the bytes as they flow rather than by yauzl, per zip.
 *
 * Bytes after the end record (a newline some tool appended: one of the OTRF recordings has one)
 * make yauzl give up; `unzip` reads such files, so we retry without them.
 */
export async function openZip(path: string): Promise<ZipFile> {
  const fd = await promisify(open)(path, 'r')
  try {
    const { size } = await promisify(fstat)(fd)
    try {
      return await fromReader(new FileReader(fd), size)
    } catch (error) {
      const trimmed = (error as Error).message.startsWith('Invalid comment length') ? await endOfEndRecord(fd, size) : null
      if (trimmed === null) throw error
      // A fresh reader: the failed attempt left its reference on the first one.
      return await fromReader(new FileReader(fd), trimmed)
    }
  } catch (error) {
    await promisify(close)(fd).catch(ignore)
    throw error
  }
}

function fromReader(reader: FileReader, size: number): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, openOptions, (error, zipfile) => {
      if (error) reject(error)
      else resolve(zipfile)
    })
  })
}

/** Where the last end record whose comment fits in the file ends, or null when there is none. */
async function endOfEndRecord(fd: number, size: number): Promise<number | null> {
  const length = Math.min(size, endRecordBytes + maxCommentBytes + 1024)
  const tail = Buffer.alloc(length)
  await promisify(read)(fd, tail, 0, length, size - length)
  for (let index = length - endRecordBytes; index >= 0; index -= 1) {
    if (tail.readUInt32LE(index) !== endRecordSignature) continue
    const end = index + endRecordBytes + tail.readUInt16LE(index + 20)
    if (end <= length) return size - length + end
  }
  return null
}

/** Closes the zip and waits for its file to be closed (a temp copy is deleted next: Windows needs it closed). */
export async function closeZip(zipfile: ZipFile): Promise<void> {
  if (!zipfile.isOpen) return
  const closed = once(zipfile, 'close')
  zipfile.close()
  // A read stream still open keeps the file open; never wait on it for long.
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 5000)
    timer.unref()
  })
  await Promise.race([closed.then(ignore, ignore), timeout])
  clearTimeout(timer)
}
