// RFC 6587 framing of syslog over TCP, for one connection. Pure: bytes in, frames out.
//
// Two framings exist and a connection uses one of them:
//   octet counting   `113 <13>1 2026-… msg`: MSG-LEN, a space, then exactly MSG-LEN bytes;
//   non-transparent  `<13>Nov 21 … msg\n`: each message ends at a trailer, LF (CRLF and NUL
//                    are tolerated: rsyslog and some appliances send them).
// The connection's first bytes decide: `[1-9][0-9]* ` is octet counting, anything else is not.
//
// Limits: no frame is held beyond `maxMessageBytes`. An oversized octet-counted frame is skipped by
// its announced length and an oversized trailer-framed one up to its trailer, so the stream stays
// in step and the connection lives. A length header that is not one (`12x`, eleven digits) leaves
// no way to find the next frame: the decoder reports the stream malformed and the caller closes it.

export type FramingMode = 'octet-counting' | 'non-transparent'

/** What the decoder tells its connection. */
export interface FrameSink {
  /**
   * One complete message. It may be a view of a pushed chunk (Node never reuses a socket's chunk,
   * so views are safe to hold), and it is only read, never kept, by the listener.
   */
  frame(bytes: Uint8Array): void
  /** A frame longer than the limit was skipped. */
  oversized(): void
  /** The stream cannot be framed any further (or ended inside a frame); the reason is for logs. */
  malformed(reason: string): void
}

const lineFeed = 0x0a
const carriageReturn = 0x0d
const nul = 0x00
const space = 0x20
/** Ten digits already announce more than 1 GB; a longer MSG-LEN is not a length. */
const maxLengthDigits = 10

/** The RFC 6587 decoder of one TCP connection. */
export class SyslogFrameDecoder {
  private mode: FramingMode | null = null
  /** Bytes held while the framing is not yet known (at most a length header). */
  private detecting: Uint8Array[] = []
  private detectingLength = 0
  /** Parts of the frame being assembled, and their total length. */
  private parts: Uint8Array[] = []
  private partsLength = 0
  /** Octet counting: digits of MSG-LEN read so far (-1: between frames), then bytes still due. */
  private lengthDigits = -1
  private announced = 0
  private remaining = 0
  /** Skipping an oversized frame (octet counting: `remaining` bytes; trailer framing: up to the trailer). */
  private skipping = false
  private broken = false

  constructor(
    private readonly maxMessageBytes: number,
    private readonly sink: FrameSink,
  ) {}

  /** The framing this connection was found to use; null before its first bytes. */
  get framing(): FramingMode | null {
    return this.mode
  }

  /** Feeds one chunk. Returns false once the stream is malformed: close the connection. */
  push(chunk: Uint8Array): boolean {
    if (this.broken) return false
    if (this.mode === null) return this.detect(chunk)
    if (this.mode === 'octet-counting') this.pushCounted(chunk)
    else this.pushTrailered(chunk)
    return !this.broken
  }

  /** The connection ended: a last message without its trailer still counts; half a counted frame does not. */
  end(): void {
    if (this.broken) return
    if (this.mode === 'non-transparent') {
      if (!this.skipping) this.emitTrailered(null, 0, 0)
    } else if (this.mode === 'octet-counting') {
      if (this.lengthDigits > 0 || this.remaining > 0) this.fail('connection ended inside a frame')
    } else if (this.detectingLength > 0) {
      this.mode = 'non-transparent'
      this.replay()
      if (!this.skipping) this.emitTrailered(null, 0, 0)
    }
  }

  private detect(chunk: Uint8Array): boolean {
    this.detecting.push(chunk)
    this.detectingLength += chunk.length
    const head = this.detecting.length === 1 ? chunk : concat(this.detecting, this.detectingLength)
    let index = 0
    while (index < head.length && isSeparator(head[index]!)) index++
    if (index === head.length) {
      // Only blank lines so far: nothing to decide on, nothing worth keeping.
      this.detecting = []
      this.detectingLength = 0
      return true
    }
    let digits = 0
    while (index + digits < head.length && isDigit(head[index + digits]!) && digits <= maxLengthDigits) digits++
    if (index + digits === head.length && digits <= maxLengthDigits && head[index] !== 0x30) return true // need more bytes
    this.mode = digits > 0 && head[index] !== 0x30 && head[index + digits] === space ? 'octet-counting' : 'non-transparent'
    this.detecting = [head]
    this.replay()
    return !this.broken
  }

  private replay(): void {
    const held = this.detecting
    this.detecting = []
    this.detectingLength = 0
    for (const chunk of held) {
      if (this.mode === 'octet-counting') this.pushCounted(chunk)
      else this.pushTrailered(chunk)
    }
  }

  private pushCounted(chunk: Uint8Array): void {
    let index = 0
    while (index < chunk.length && !this.broken) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - index)
        if (!this.skipping) this.hold(chunk.subarray(index, index + take))
        this.remaining -= take
        index += take
        if (this.remaining === 0) this.finishCounted()
        continue
      }
      const byte = chunk[index]!
      index++
      if (this.lengthDigits < 0) {
        // Between frames: some senders add a newline after each counted frame; tolerate it.
        if (isSeparator(byte)) continue
        if (!isDigit(byte) || byte === 0x30) return this.fail('octet-counted frame does not start with its length')
        this.lengthDigits = 1
        this.announced = byte - 0x30
      } else if (isDigit(byte)) {
        if (++this.lengthDigits > maxLengthDigits) return this.fail('frame length too long to be one')
        this.announced = this.announced * 10 + (byte - 0x30)
      } else if (byte === space) {
        this.lengthDigits = -1
        this.remaining = this.announced
        this.skipping = this.announced > this.maxMessageBytes
        if (this.skipping) this.sink.oversized()
      } else {
        return this.fail('frame length followed by something other than a space')
      }
    }
  }

  private finishCounted(): void {
    if (this.skipping) this.skipping = false
    else this.sink.frame(this.take())
  }

  private pushTrailered(chunk: Uint8Array): void {
    let start = 0
    // Native indexOf finds trailers far faster than a byte loop; NUL trailers are rare.
    let nextNul = chunk.indexOf(nul)
    for (;;) {
      const nextLineFeed = chunk.indexOf(lineFeed, start)
      if (nextNul >= 0 && nextNul < start) nextNul = chunk.indexOf(nul, start)
      const index = nextNul >= 0 && (nextLineFeed < 0 || nextNul < nextLineFeed) ? nextNul : nextLineFeed
      if (index < 0) break
      if (this.skipping) this.skipping = false
      else this.emitTrailered(chunk, start, index)
      start = index + 1
    }
    if (start < chunk.length && !this.skipping) {
      if (this.partsLength + chunk.length - start > this.maxMessageBytes + 1) {
        // +1: a CR that a CRLF trailer will strip may still be due.
        this.parts = []
        this.partsLength = 0
        this.skipping = true
        this.sink.oversized()
      } else {
        this.hold(chunk.subarray(start))
      }
    }
  }

  /** Ends the held frame at chunk[start, end) (or with what is held, at the end of the stream). */
  private emitTrailered(chunk: Uint8Array | null, start: number, end: number): void {
    let frame: Uint8Array
    if (this.partsLength === 0) {
      frame = chunk === null ? new Uint8Array(0) : chunk.subarray(start, end)
    } else {
      if (chunk !== null) this.hold(chunk.subarray(start, end))
      frame = this.take()
    }
    let length = frame.length
    if (length > 0 && frame[length - 1] === carriageReturn) length--
    if (length === 0) return
    if (length > this.maxMessageBytes) this.sink.oversized()
    else this.sink.frame(length === frame.length ? frame : frame.subarray(0, length))
  }

  private hold(part: Uint8Array): void {
    this.parts.push(part)
    this.partsLength += part.length
  }

  private take(): Uint8Array {
    const frame = this.parts.length === 1 ? this.parts[0]! : concat(this.parts, this.partsLength)
    this.parts = []
    this.partsLength = 0
    return frame
  }

  private fail(reason: string): void {
    this.broken = true
    this.parts = []
    this.partsLength = 0
    this.sink.malformed(reason)
  }
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39
}

function isSeparator(byte: number): boolean {
  return byte === lineFeed || byte === carriageReturn || byte === nul || byte === space
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}
