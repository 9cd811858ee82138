import { readLines, type LineItem } from './lines'

const maxElementChars = 16 << 20

/**
 * Cuts a JSON file into one record per top-level value: each line of JSON lines, or each element
 * of a top-level array (pretty-printed or not). Array elements are found by tracking nesting and
 * strings, so a 2 GB array never has to be parsed, or held, as a whole.
 */
export async function* readJsonRecords(source: AsyncIterable<Uint8Array>): AsyncGenerator<LineItem[]> {
  const iterator = source[Symbol.asyncIterator]()
  const peeked: Uint8Array[] = []
  let firstByte: number | undefined
  while (firstByte === undefined) {
    const next = await iterator.next()
    if (next.done) break
    peeked.push(next.value)
    firstByte = firstSignificantByte(next.value)
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* peeked
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  }
  if (firstByte === 0x5b /* [ */) yield* readArrayElements(replay())
  else yield* nonBlankLines(readLines(replay()))
}

async function* nonBlankLines(lines: AsyncGenerator<LineItem[]>): AsyncGenerator<LineItem[]> {
  for await (const batch of lines) {
    const kept = batch.filter((item) => 'oversized' in item || item.text.trim() !== '')
    if (kept.length > 0) yield kept
  }
}

function firstSignificantByte(chunk: Uint8Array): number | undefined {
  for (const byte of chunk) {
    // Skip whitespace and a UTF-8 BOM.
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue
    return byte
  }
  return undefined
}

async function* readArrayElements(source: AsyncIterable<Uint8Array>): AsyncGenerator<LineItem[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false })
  let depth = 0
  let inString = false
  let escaped = false
  let lineNo = 1
  let element: string[] = []
  let elementChars = 0
  let elementLine = 0
  let oversized = false

  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true })
    const out: LineItem[] = []
    let start = -1 // where the current element's text begins in `text`, or -1
    if (elementLine > 0) start = 0
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index)
      if (code === 0x0a) lineNo += 1
      if (inString) {
        if (escaped) escaped = false
        else if (code === 0x5c) escaped = true
        else if (code === 0x22) inString = false
        continue
      }
      if (code === 0x22) inString = true
      if (code === 0x5b || code === 0x7b) {
        depth += 1
        if (depth === 1 && code === 0x5b) continue // the outer array itself
      } else if (code === 0x5d || code === 0x7d) {
        depth -= 1
      }
      const separator = depth === 1 && code === 0x2c
      const closesArray = depth === 0 && code === 0x5d
      if (elementLine === 0 && depth >= 1 && !separator && code > 0x20) {
        elementLine = lineNo
        start = index
      }
      if ((separator || closesArray) && elementLine > 0) {
        if (start >= 0) element.push(text.slice(start, index))
        out.push(finish())
        start = -1
      }
    }
    if (elementLine > 0 && start >= 0) {
      elementChars += text.length - start
      if (elementChars > maxElementChars && !oversized) oversized = true
      if (!oversized) element.push(text.slice(start))
    }
    if (out.length > 0) yield out
  }
  if (elementLine > 0) {
    // An array cut off mid-element: hand over what there is; the parser rejects it.
    yield [finish()]
  }

  function finish(): LineItem {
    const item: LineItem = oversized
      ? { oversized: true, lineNo: elementLine, excerpt: (element[0] ?? '').slice(0, 200) }
      : { text: element.join('').trim(), lineNo: elementLine }
    element = []
    elementChars = 0
    elementLine = 0
    oversized = false
    return item
  }
}
