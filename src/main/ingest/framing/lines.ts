/** One record as framing hands it to a parser: its text and where it starts in the file. */
export interface TextRecord {
  text: string
  /** 1-based line number of the record's first line. */
  lineNo: number
}

/** A line too long to be a log line; reported as a reject instead of being buffered. */
export interface OversizedLine {
  oversized: true
  lineNo: number
  /** The first bytes, for the reject's excerpt. */
  excerpt: string
}

export type LineItem = TextRecord | OversizedLine

const lineFeed = 0x0a
const carriageReturn = 0x0d

/**
 * Splits a byte stream into lines (LF, CRLF or bare CR, as the loghub Apache sample mixes them),
 * decoding UTF-8 (invalid bytes become U+FFFD; a leading BOM is dropped). Yields one array per
 * chunk so the per-line cost stays a slice, not an await. A line longer than `maxLineBytes` is
 * reported once and skipped to its end without holding it in memory.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>, maxLineBytes = 1 << 20): AsyncGenerator<LineItem[]> {
  let carry: Buffer | null = null
  let lineNo = 1
  let skipping: OversizedLine | null = null
  let afterCarriageReturn = false
  let first = true

  for await (const chunk of source) {
    let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (first) {
      first = false
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3)
    }
    const out: LineItem[] = []
    let start = 0
    // A CRLF split across chunks: the LF that starts this chunk ends nothing new.
    if (afterCarriageReturn && buffer[0] === lineFeed) start = 1
    afterCarriageReturn = false
    for (let index = start; index < buffer.length; index += 1) {
      const byte = buffer[index]
      if (byte !== lineFeed && byte !== carriageReturn) continue
      if (skipping) {
        skipping = null
      } else {
        const text = carry ? Buffer.concat([carry, buffer.subarray(start, index)]).toString('utf8') : buffer.toString('utf8', start, index)
        out.push({ text, lineNo })
      }
      carry = null
      lineNo += 1
      if (byte === carriageReturn) {
        if (index + 1 < buffer.length) {
          if (buffer[index + 1] === lineFeed) index += 1
        } else {
          afterCarriageReturn = true
        }
      }
      start = index + 1
    }
    if (start < buffer.length && !skipping) {
      const rest = buffer.subarray(start)
      const pending = carry ? carry.length + rest.length : rest.length
      if (pending > maxLineBytes) {
        const head = carry ? Buffer.concat([carry, rest]).subarray(0, 200) : rest.subarray(0, 200)
        skipping = { oversized: true, lineNo, excerpt: head.toString('utf8') }
        out.push(skipping)
        carry = null
      } else {
        // Copy: the chunk's memory may be reused by the stream.
        carry = carry ? Buffer.concat([carry, rest]) : Buffer.from(rest)
      }
    }
    if (out.length > 0) yield out
  }
  if (carry && carry.length > 0 && !skipping) yield [{ text: carry.toString('utf8'), lineNo }]
}
