import { describe, expect, it } from 'vitest'
import type { LineItem } from './lines'
import { readJsonRecords } from './json-records'

async function collect(chunks: string[]): Promise<LineItem[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk, 'utf8')
  }
  const items: LineItem[] = []
  for await (const batch of readJsonRecords(source())) items.push(...batch)
  return items
}

describe('readJsonRecords', () => {
  it('gives one record per non-blank line of JSON lines', async () => {
    expect(await collect(['{"a":1}\n\n{"b":[1,2]}\n', 'not json\n'])).toEqual([
      { text: '{"a":1}', lineNo: 1 },
      { text: '{"b":[1,2]}', lineNo: 3 },
      { text: 'not json', lineNo: 4 },
    ])
  })

  it('gives one record per element of a pretty-printed top-level array, split anywhere', async () => {
    const file = '[\n  {"user": "a,b", "n": [1, {"x": "]"}]},\n  {"esc": "q\\"uote\\\\"}\n]\n'
    const expected = [
      { text: '{"user": "a,b", "n": [1, {"x": "]"}]}', lineNo: 2 },
      { text: '{"esc": "q\\"uote\\\\"}', lineNo: 3 },
    ]
    expect(await collect([file])).toEqual(expected)
    // Every split point gives the same records.
    for (let cut = 1; cut < file.length; cut += 1) {
      expect(await collect([file.slice(0, cut), file.slice(cut)])).toEqual(expected)
    }
    expect(expected.map((item) => JSON.parse(item.text))).toHaveLength(2)
  })

  it('hands over a truncated last element so the parser can reject it', async () => {
    expect(await collect(['[{"a":1},{"b":'])).toEqual([
      { text: '{"a":1}', lineNo: 1 },
      { text: '{"b":', lineNo: 1 },
    ])
  })

  it('yields nothing for an empty array or an empty file', async () => {
    expect(await collect(['[ ]'])).toEqual([])
    expect(await collect([])).toEqual([])
  })
})
