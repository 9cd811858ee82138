import { describe, expect, it } from 'vitest'
import { type FramingMode, SyslogFrameDecoder } from './framing'

interface Decoded {
  frames: string[]
  oversized: number
  malformed: string[]
  /** What push() answered for each chunk. */
  accepted: boolean[]
  framing: FramingMode | null
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function decode(chunks: readonly (string | Uint8Array)[], maxMessageBytes = 1024): Decoded {
  const result: Decoded = { frames: [], oversized: 0, malformed: [], accepted: [], framing: null }
  const framing = new SyslogFrameDecoder(maxMessageBytes, {
    frame: (bytes) => result.frames.push(decoder.decode(bytes)),
    oversized: () => result.oversized++,
    malformed: (reason) => result.malformed.push(reason),
  })
  for (const chunk of chunks) result.accepted.push(framing.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk))
  framing.end()
  result.framing = framing.framing
  return result
}

/** The same bytes cut at the given offsets. */
function cut(text: string, offsets: readonly number[]): Uint8Array[] {
  const bytes = encoder.encode(text)
  const edges = [0, ...offsets, bytes.length]
  return edges.slice(1).map((end, index) => bytes.subarray(edges[index], end))
}

/** A small deterministic generator, so a failing split can be reproduced. */
function randomCuts(length: number, seed: number): number[] {
  let state = seed
  const offsets: number[] = []
  for (let offset = 0; offset < length; ) {
    state = (state * 1103515245 + 12345) % 2147483648
    offset += 1 + (state % 9)
    if (offset < length) offsets.push(offset)
  }
  return offsets
}

function counted(message: string): string {
  return `${encoder.encode(message).length} ${message}`
}

const messages = ['<13>1 2026-11-21T14:13:26.917384+00:00 vm root - M1 - hello', '<34>Nov 21 14:13:26 vm probe: ünïcode ✓', '<13>short']

describe('non-transparent framing (LF trailer)', () => {
  it('splits on LF, strips a CR before it, accepts NUL as a trailer, skips empty lines', () => {
    const result = decode(['<13>a\n<13>b\r\n\n\r\n<13>c\u0000<13>d\n'])
    expect(result).toMatchObject({ frames: ['<13>a', '<13>b', '<13>c', '<13>d'], oversized: 0, malformed: [], framing: 'non-transparent' })
  })

  it('gives the same frames however the stream is cut', () => {
    const stream = messages.map((message) => `${message}\n`).join('')
    const length = encoder.encode(stream).length
    expect(decode(cut(stream, [])).frames).toEqual(messages)
    expect(decode(cut(stream, [...Array(length).keys()].slice(1))).frames).toEqual(messages)
    for (let offset = 1; offset < length; offset++) expect(decode(cut(stream, [offset])).frames).toEqual(messages)
    for (let seed = 1; seed <= 50; seed++) expect(decode(cut(stream, randomCuts(length, seed))).frames).toEqual(messages)
  })

  it('delivers a last message without its trailer when the connection ends', () => {
    expect(decode(['<13>one\n<13>tw', 'o']).frames).toEqual(['<13>one', '<13>two'])
  })

  it('a message that starts with digits but no length header is not octet counting', () => {
    expect(decode(['2024-03-01T12:34:56Z web01 sshd[1]: x\n'])).toMatchObject({ frames: ['2024-03-01T12:34:56Z web01 sshd[1]: x'], framing: 'non-transparent' })
    expect(decode(['0 <13>x\n'])).toMatchObject({ frames: ['0 <13>x'], framing: 'non-transparent' })
  })

  it('skips an oversized message up to its trailer and keeps the connection', () => {
    const long = `<13>${'x'.repeat(50)}`
    const result = decode(['<13>before\n<13>', 'x'.repeat(50), '\n<13>after\n'], 20)
    expect(result).toMatchObject({ frames: ['<13>before', '<13>after'], oversized: 1, malformed: [] })
    expect(result.accepted).toEqual([true, true, true])
    // Also when the whole oversized message arrives in one chunk.
    expect(decode([`${long}\n<13>after\n`], 20)).toMatchObject({ frames: ['<13>after'], oversized: 1 })
    // Exactly the limit, with a CRLF trailer, is not oversized.
    expect(decode([`${'y'.repeat(20)}\r`, '\n'], 20)).toMatchObject({ frames: ['y'.repeat(20)], oversized: 0 })
  })
})

describe('octet counting', () => {
  it('reads MSG-LEN SP MSG frames, with newlines inside messages and between frames', () => {
    const stream = `${counted('hello')}${counted('line one\nline two')}\n${counted('ünï')}`
    expect(decode([stream])).toMatchObject({ frames: ['hello', 'line one\nline two', 'ünï'], framing: 'octet-counting', malformed: [] })
  })

  it('gives the same frames however the stream is cut, including inside the length', () => {
    const stream = messages.map(counted).join('')
    const length = encoder.encode(stream).length
    expect(decode(cut(stream, [...Array(length).keys()].slice(1))).frames).toEqual(messages)
    for (let offset = 1; offset < length; offset++) expect(decode(cut(stream, [offset])).frames).toEqual(messages)
    for (let seed = 1; seed <= 50; seed++) expect(decode(cut(stream, randomCuts(length, seed))).frames).toEqual(messages)
  })

  it('decides the framing only once the length header is complete', () => {
    expect(decode(['\n', '1', '1', ' hello', ' world'])).toMatchObject({ frames: ['hello world'], framing: 'octet-counting' })
  })

  it('skips an oversized frame by its length and stays in step', () => {
    const result = decode([`${counted('short')}${counted('z'.repeat(100))}`, counted('after')], 20)
    expect(result).toMatchObject({ frames: ['short', 'after'], oversized: 1, malformed: [] })
    expect(result.accepted).toEqual([true, true])
  })

  it('a broken length header leaves no way to resynchronize: the stream is reported malformed', () => {
    const garbled = decode([`${counted('ok')}12x abc${counted('lost')}`, counted('more')])
    expect(garbled).toMatchObject({ frames: ['ok'], malformed: ['frame length followed by something other than a space'], accepted: [false, false] })
    expect(decode([`${counted('ok')}<13>no length\n`]).malformed).toEqual(['octet-counted frame does not start with its length'])
    expect(decode(['5 hello12345678901 x']).malformed).toEqual(['frame length too long to be one'])
  })

  it('a connection that ends inside a frame is malformed; the frames before it count', () => {
    expect(decode([`${counted('done')}10 abc`])).toMatchObject({ frames: ['done'], malformed: ['connection ended inside a frame'] })
    expect(decode([`${counted('done')}10`])).toMatchObject({ frames: ['done'], malformed: ['connection ended inside a frame'] })
  })
})
