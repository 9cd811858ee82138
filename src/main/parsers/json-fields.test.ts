import { describe, expect, it } from 'vitest'
import { decodeTimestamp, numberAt, parseJsonObject, sampleJsonValues, textAt, textsAt, urlHost, valueAt } from './json-fields'

describe('valueAt', () => {
  it('reads nested, flattened and mixed documents alike', () => {
    expect(valueAt({ user: { name: 'a' } }, 'user.name')).toBe('a')
    expect(valueAt({ 'user.name': 'b' }, 'user.name')).toBe('b')
    expect(valueAt({ event: { 'action.detail': 'c' } }, 'event.action.detail')).toBe('c')
    expect(valueAt({ 'event.action': { detail: 'd' } }, 'event.action.detail')).toBe('d')
    expect(valueAt({ '@timestamp': 'e' }, '@timestamp')).toBe('e')
  })

  it('falls back when a nested branch lacks the field', () => {
    expect(valueAt({ user: { id: 1 }, 'user.name': 'x' }, 'user.name')).toBe('x')
    expect(valueAt({ user: 'plain' }, 'user.name')).toBeUndefined()
    expect(valueAt({}, 'toString')).toBeUndefined()
    expect(valueAt({ a: null }, 'a.b')).toBeUndefined()
  })

  it('turns scalars and arrays into text and numbers', () => {
    const document = { a: ['x', 'y'], n: '42', m: 7, b: true, e: '', o: { k: 1 } }
    expect(textAt(document, 'a')).toBe('x')
    expect(textsAt(document, 'a')).toEqual(['x', 'y'])
    expect(textAt(document, 'm')).toBe('7')
    expect(textAt(document, 'b')).toBe('true')
    expect(textAt(document, 'e')).toBeNull()
    expect(textAt(document, 'o')).toBeNull()
    expect(numberAt(document, 'n')).toBe(42)
    expect(numberAt(document, 'a')).toBeNull()
  })

  it('parses only JSON objects', () => {
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 })
    expect(parseJsonObject('[1]')).toBeNull()
    expect(parseJsonObject('{"a":')).toBeNull()
    expect(parseJsonObject('null')).toBeNull()
  })
})

describe('decodeTimestamp', () => {
  it('reads ISO 8601 with an offset', () => {
    expect(decodeTimestamp('2023-03-14T08:15:02.000Z')).toBe(Date.UTC(2023, 2, 14, 8, 15, 2))
    expect(decodeTimestamp('2023-03-14T08:20:11.000+01:00')).toBe(Date.UTC(2023, 2, 14, 7, 20, 11))
  })

  it('tells epoch seconds, ms, µs and ns apart by magnitude', () => {
    expect(decodeTimestamp(1678791610)).toBe(1678791610000)
    expect(decodeTimestamp('1678791610.5')).toBe(1678791610500)
    expect(decodeTimestamp(1678791610123)).toBe(1678791610123)
    expect(decodeTimestamp('1678791610123456')).toBe(1678791610123)
    expect(decodeTimestamp(1678791610123456000)).toBe(1678791610123)
  })

  it('refuses what would need a guess', () => {
    for (const value of ['2023-03-14 11:00:20', '2023-03-14', 'Tue Mar 14', 0, -5, '', null, undefined, {}, Number.NaN]) {
      expect(decodeTimestamp(value), String(value)).toBeNull()
    }
  })
})

describe('urlHost', () => {
  it('finds the host of full and bare URLs', () => {
    expect(urlHost('http://www.Dropbox.com:8080/files/list?user=acm')).toBe('www.dropbox.com')
    expect(urlHost('https://user:pw@example.org/x')).toBe('example.org')
    expect(urlHost('http://[2001:db8::1]:8443/')).toBe('2001:db8::1')
    expect(urlHost('example.net/path')).toBe('example.net')
    expect(urlHost('http:///nohost')).toBeNull()
  })
})

describe('sampleJsonValues', () => {
  it('reads JSON lines', () => {
    expect(sampleJsonValues(['{"a":1}', '', '{"b":"}"}'])).toEqual([{ a: 1 }, { b: '}' }])
  })

  it('reads the complete elements of a cut-off pretty-printed array', () => {
    const lines = ['[', '  {', '    "a": "x\\"}"', '  },', '  {"b": [1, 2]},', '  {"c": ']
    expect(sampleJsonValues(lines)).toEqual([{ a: 'x"}' }, { b: [1, 2] }])
  })

  it('stops at the limit', () => {
    expect(sampleJsonValues(['{"a":1}', '{"a":2}', '{"a":3}'], 2)).toHaveLength(2)
  })
})
