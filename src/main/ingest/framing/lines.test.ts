import { describe, expect, it } from 'vitest'
import { readLines, type LineItem } from './lines'

async function collect(chunks: (string | Buffer)[], maxLineBytes?: number): Promise<LineItem[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
  }
  const items: LineItem[] = []
  for await (const batch of readLines(source(), maxLineBytes)) items.push(...batch)
  return items
}

describe('readLines', () => {
  it('splits LF, CRLF and bare CR, keeps the last unterminated line, numbers lines', async () => {
    expect(await collect(['a\nb\r\nc\rd'])).toEqual([
      { text: 'a', lineNo: 1 },
      { text: 'b', lineNo: 2 },
      { text: 'c', lineNo: 3 },
      { text: 'd', lineNo: 4 },
    ])
  })

  it('joins lines split across chunks, including a CRLF split between chunks', async () => {
    expect(await collect(['hel', 'lo\r', '\nwor', 'ld\n', '\n'])).toEqual([
      { text: 'hello', lineNo: 1 },
      { text: 'world', lineNo: 2 },
      { text: '', lineNo: 3 },
    ])
  })

  it('drops a leading BOM and decodes multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('\ufeffgrüße\n', 'utf8')
    expect(await collect([bytes.subarray(0, 6), bytes.subarray(6)])).toEqual([{ text: 'grüße', lineNo: 1 }])
  })

  it('turns invalid UTF-8 into replacement characters instead of failing', async () => {
    expect(await collect([Buffer.from([0x61, 0xff, 0x62, 0x0a])])).toEqual([{ text: 'a\ufffdb', lineNo: 1 }])
  })

  it('reports an oversized line once, without buffering it, and goes on', async () => {
    const long = 'x'.repeat(5000)
    const items = await collect(['ok\n', long.slice(0, 2500), long.slice(2500), '\nnext\n'], 1000)
    expect(items).toEqual([
      { text: 'ok', lineNo: 1 },
      { oversized: true, lineNo: 2, excerpt: 'x'.repeat(200) },
      { text: 'next', lineNo: 3 },
    ])
  })

  it('yields nothing for an empty file', async () => {
    expect(await collect([])).toEqual([])
  })
})
