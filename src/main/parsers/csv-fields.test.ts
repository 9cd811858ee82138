import { describe, expect, it } from 'vitest'
import { camelCase, isDecimal, normalizeHeaderName, otherColumns, splitCsvRecord } from './csv-fields'
import { openCsv } from './csv-reader'
import { decodeTableTime, unreadableTimeReason, WallClock } from './csv-time'
import { isRejection } from './types'

describe('splitCsvRecord', () => {
  it('splits plain fields, keeping empty ones', () => {
    expect(splitCsvRecord('a,b,,d,')).toEqual(['a', 'b', '', 'd', ''])
    expect(splitCsvRecord('')).toEqual([''])
    expect(splitCsvRecord('single')).toEqual(['single'])
  })

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsvRecord('1,"a, b","say ""hi""",""')).toEqual(['1', 'a, b', 'say "hi"', ''])
    expect(splitCsvRecord('"x"')).toEqual(['x'])
    expect(splitCsvRecord('"""quoted at both ends"""')).toEqual(['"quoted at both ends"'])
  })

  it('is lenient with quotes inside unquoted fields and text after a closing quote', () => {
    expect(splitCsvRecord('5" screen,b')).toEqual(['5" screen', 'b'])
    expect(splitCsvRecord('"ab"cd,e')).toEqual(['abcd', 'e'])
    expect(splitCsvRecord(' 302-x,"y"')).toEqual([' 302-x', 'y'])
  })

  it('returns null while a quoted field is open', () => {
    expect(splitCsvRecord('1,"open')).toBeNull()
    expect(splitCsvRecord('1,"still ""open')).toBeNull()
    expect(splitCsvRecord('1,"line one\nline two",3')).toEqual(['1', 'line one\nline two', '3'])
  })
})

describe('header helpers', () => {
  it('normalizes header names', () => {
    expect(normalizeHeaderName('\ufeffEvent DateTime')).toBe('event_datetime')
    expect(normalizeHeaderName(' txn-time ')).toBe('txn_time')
    expect(normalizeHeaderName('Bytes (out)')).toBe('bytes_out')
    expect(normalizeHeaderName('O')).toBe('o')
    expect(camelCase('session_duration_sec')).toBe('sessionDurationSec')
  })

  it('keeps identifiers with leading zeros and long digit runs as text', () => {
    expect(['12', '-7', '0', '0.5', '1234.25'].map(isDecimal)).toEqual([true, true, true, true, true])
    expect(['007', '', '-', '1.', '.5', '1e5', '0x1f', '1234567890123456', '1,5'].map(isDecimal)).toEqual(Array(9).fill(false))
    const attrs = otherColumns(['a', '007', '42', '', 'x'.repeat(300)], ['one', 'two', 'three', 'four', 'five'], new Set([0]), {})
    expect(attrs).toEqual({ two: '007', three: 42, five: 'x'.repeat(256) })
  })
})

describe('openCsv', () => {
  const echo = () =>
    openCsv((header) => ({
      firstRowIsData: false,
      read: (fields, lineNo) => (fields.length === header.length ? { reject: `${lineNo}:${fields.join('|')}` } : { reject: 'short' }),
    }))

  it('skips blank lines and the header, and joins a record that spans lines', () => {
    const parser = echo()
    expect(parser.parse('a,b', 1)).toBeNull()
    expect(parser.parse('', 2)).toBeNull()
    expect(parser.parse('1,"first', 3)).toBeNull()
    expect(parser.parse('second', 4)).toBeNull()
    expect(parser.parse('third"', 5)).toEqual({ reject: '5:1|first\nsecond\nthird (record from line 3)' })
    expect(parser.parse('2,x', 6)).toEqual({ reject: '6:2|x' })
    expect(parser.finish()).toBeNull()
  })

  it('marks events from multi-line records with the line they began on', () => {
    const parser = openCsv(() => ({
      firstRowIsData: true,
      read: (fields) => ({ ts: 1, user: null, host: null, srcIp: null, dstIp: null, category: 'system', action: 'system_message', outcome: 'unknown', object: fields[0] ?? null, bytes: null, amount: null, attrs: {} }),
    }))
    expect(parser.parse('"a', 10)).toBeNull()
    const event = parser.parse('b"', 11)
    expect(event).toMatchObject({ object: 'a\nb', attrs: { firstLineNo: 10 } })
    expect(parser.parse('c', 12)).toMatchObject({ object: 'c', attrs: {} })
  })

  it('reports a record still open at the end through finish()', () => {
    const parser = echo()
    parser.parse('a,b', 1)
    expect(parser.parse('1,"never closed', 2)).toBeNull()
    expect(parser.parse('more text', 3)).toBeNull()
    const outcome = parser.finish()
    expect(isRejection(outcome) && outcome.reject).toBe('unterminated quoted field at end of file (record from line 2)')
    expect(parser.finish()).toBeNull()
  })

  it('keeps returning the file error once the header was refused', () => {
    const parser = openCsv(() => ({ fileError: 'nope' }))
    expect(parser.parse('x', 1)).toEqual({ fileError: 'nope' })
    expect(parser.parse('y', 2)).toEqual({ fileError: 'nope' })
  })
})

describe('decodeTableTime', () => {
  const utc = new WallClock('UTC')
  const newYork = new WallClock('America/New_York')

  it('reads CERT and US dates as wall clock in the zone', () => {
    expect(decodeTableTime('01/02/2010 07:11:45', utc)).toBe(Date.UTC(2010, 0, 2, 7, 11, 45))
    expect(decodeTableTime('01/02/2010 07:11:45', newYork)).toBe(Date.UTC(2010, 0, 2, 12, 11, 45))
    // Summer time: UTC-4; the per-hour cache must not leak January's offset into July.
    expect(decodeTableTime('07/02/2010 07:11:45', newYork)).toBe(Date.UTC(2010, 6, 2, 11, 11, 45))
    expect(decodeTableTime('1/2/2010 7:05 PM', utc)).toBe(Date.UTC(2010, 0, 2, 19, 5, 0))
    expect(decodeTableTime('1/2/2010 12:05:01 AM', utc)).toBe(Date.UTC(2010, 0, 2, 0, 5, 1))
  })

  it('reads ISO text with and without an offset, and epoch numbers', () => {
    expect(decodeTableTime('2024-02-05T09:12:44Z', newYork)).toBe(Date.UTC(2024, 1, 5, 9, 12, 44))
    expect(decodeTableTime('2024-02-05T22:47:31+01:00', utc)).toBe(Date.UTC(2024, 1, 5, 21, 47, 31))
    expect(decodeTableTime('2024-02-05 23:40:10.250', newYork)).toBe(Date.UTC(2024, 1, 6, 4, 40, 10, 250))
    expect(decodeTableTime('1707130800', utc)).toBe(1707130800000)
    expect(decodeTableTime('1707130800123', utc)).toBe(1707130800123)
  })

  it('refuses dates without a time of day, impossible dates and words', () => {
    for (const text of ['2024-02-06', '02/06/2024', '02/30/2010 10:00:00', '13/01/2010 10:00:00', '01/02/2010 24:00:00', 'yesterday', '', '2024-02-05T10:00:00 junk']) {
      expect(decodeTableTime(text, utc), text).toBeNull()
    }
    expect(unreadableTimeReason('2024-02-06')).toBe("date without a time of day '2024-02-06'")
    expect(unreadableTimeReason('yesterday')).toBe("unreadable time 'yesterday'")
  })
})
