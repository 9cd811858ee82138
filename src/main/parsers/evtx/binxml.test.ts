import { describe, expect, it } from 'vitest'
import { buildChunk, ByteWriter, valueBytes, type RecordSpec, type TemplateSpec, type ValueSpec, type XmlSpec } from '../fixtures/evtx/evtx-builder'
import { parseEvtxChunk } from './chunk'

// One template using every construct of binary XML the reader handles, filled with every value type.

const typed: [string, number][] = [
  ['Int8', 0x03], ['UInt8', 0x04], ['Int16', 0x05], ['UInt16', 0x06], ['Int32', 0x07], ['UInt32', 0x08],
  ['Int64', 0x09], ['UInt64', 0x0a], ['Real32', 0x0b], ['Real64', 0x0c], ['Bool', 0x0d], ['Binary', 0x0e],
  ['Guid', 0x0f], ['SizeT', 0x10], ['FileTime', 0x11], ['Hex32', 0x14], ['Hex64', 0x15], ['Ansi', 0x02],
]
const firstTyped = 4

function data(name: string | null, content: XmlSpec[]): XmlSpec {
  return { element: 'Data', attributes: name === null ? [] : [['Name', [{ text: name }]]], children: content }
}

const featureTemplate: TemplateSpec = {
  key: 'features',
  body: {
    element: 'Event',
    attributes: [['xmlns', [{ text: 'http://schemas.microsoft.com/win/2004/08/events/event' }]]],
    children: [
      {
        element: 'System',
        children: [
          { element: 'Provider', attributes: [['Name', [{ text: 'Feature-' }, { text: 'Provider' }]]] },
          { element: 'EventID', attributes: [['Qualifiers', [{ text: '16384' }]]], children: [{ substitution: 0, type: 0x06 }] },
          { element: 'TimeCreated', attributes: [['SystemTime', [{ substitution: 1, type: 0x12 }]]] },
          { element: 'EventRecordID', children: [{ substitution: 2, type: 0x0a }] },
          { element: 'Channel', children: [{ text: 'Application' }] },
          { element: 'Computer', children: [{ text: 'HOST-A' }] },
          { element: 'Security', attributes: [['UserID', [{ substitution: 3, type: 0x13 }]]] },
        ],
      },
      {
        element: 'EventData',
        children: [
          ...typed.map(([name, type], index) => data(name, [{ substitution: firstTyped + index, type }])),
          data('Optional', [{ substitution: 22, type: 0x01, optional: true }]),
          data('Mixed', [
            { text: 'prefix-' }, { substitution: 23, type: 0x01 }, { text: '-' }, { entity: 'amp' }, { text: '-' },
            { charReference: 0x41 }, { processingInstruction: 'pi', data: 'ignored' }, { cdata: 'raw <text>' },
          ]),
          data(null, [{ substitution: 24, type: 0x81 }]),
          data(null, [{ text: 'plain' }]),
          data('Sids', [{ substitution: 25, type: 0x93 }]),
          data('UInt16s', [{ substitution: 26, type: 0x86 }]),
          { element: 'Binary', children: [{ substitution: 27, type: 0x0e }] },
        ],
      },
      { substitution: 28, type: 0x21 },
    ],
  },
}

const userDataTemplate: TemplateSpec = {
  key: 'userdata',
  body: {
    element: 'UserData',
    children: [{
      element: 'LogFileCleared',
      attributes: [['xmlns', [{ text: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' }]]],
      children: [
        { element: 'SubjectUserName', children: [{ substitution: 0, type: 0x01 }] },
        { element: 'SubjectDomainName', children: [{ substitution: 1, type: 0x01 }] },
        { element: 'Nested', children: [{ element: 'Deep', children: [{ substitution: 2, type: 0x01 }] }] },
      ],
    }],
  },
}

function raw(type: number, bytes: number[]): ValueSpec {
  return { type, bytes }
}

function systemTime(): ValueSpec {
  const writer = new ByteWriter()
  for (const part of [2024, 3, 5, 1, 8, 0, 0, 250]) writer.u16(part) // Friday 2024-03-01 08:00:00.250
  return raw(0x12, writer.bytes)
}

function featureRecord(id: number, userName: string, nested: ValueSpec | null): RecordSpec {
  const doubles = new DataView(new ArrayBuffer(12))
  doubles.setFloat32(0, 1.5, true)
  doubles.setFloat64(4, -2.25, true)
  const bytesOf = (from: number, to: number): number[] => [...new Uint8Array(doubles.buffer.slice(from, to))]
  const typedValues: ValueSpec[] = [
    raw(0x03, [0xfb]), raw(0x04, [250]), raw(0x05, [0xd4, 0xfe]), valueBytes.uint(0x06, 2, 65000),
    raw(0x07, [0x90, 0xee, 0xfe, 0xff]), valueBytes.uint(0x08, 4, 4_000_000_000),
    raw(0x09, [0x00, 0x0e, 0xfa, 0xd5, 0xfe, 0xff, 0xff, 0xff]), raw(0x0a, new Array<number>(8).fill(0xff)),
    raw(0x0b, bytesOf(0, 4)), raw(0x0c, bytesOf(4, 12)), valueBytes.uint(0x0d, 4, 1), raw(0x0e, [0xde, 0xad, 0xbe, 0xef]),
    raw(0x0f, [0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]),
    valueBytes.uint(0x10, 8, 0x1000), valueBytes.filetime(Date.UTC(2024, 2, 1, 8, 0, 0, 250), 1234),
    valueBytes.uint(0x14, 4, 0x3e7), raw(0x15, [0, 0, 0, 0, 0, 0, 0x10, 0x80]), valueBytes.ansi('caf\u00e9\0'),
  ]
  return {
    id,
    template: featureTemplate,
    values: [
      valueBytes.uint(0x06, 2, 7), systemTime(), valueBytes.uint(0x0a, 8, id), valueBytes.sid('S-1-5-21-1-2-3-1001'),
      ...typedValues,
      valueBytes.null(),
      valueBytes.utf16('X'),
      raw(0x81, new ByteWriter().utf16('a\0\0c\0').bytes),
      raw(0x93, [...valueBytes.sid('S-1-5-18').bytes, ...valueBytes.sid('S-1-5-32-544').bytes]),
      raw(0x86, [1, 0, 2, 0]),
      raw(0x0e, [0xca, 0xfe]),
      nested ?? valueBytes.null(),
    ],
  }
}

const expectedData = {
  Int8: '-5', UInt8: '250', Int16: '-300', UInt16: '65000', Int32: '-70000', UInt32: '4000000000',
  Int64: '-5000000000', UInt64: '18446744073709551615', Real32: '1.5', Real64: '-2.25', Bool: 'true',
  Binary: 'DEADBEEF', Guid: '{00112233-4455-6677-8899-AABBCCDDEEFF}', SizeT: '0x1000',
  FileTime: '2024-03-01T08:00:00.2501234Z', Hex32: '0x3e7', Hex64: '0x8010000000000000', Ansi: 'caf\u00e9',
  Optional: '', Mixed: 'prefix-X-&-Araw <text>', Data0: 'a', Data1: '', Data2: 'c', Data3: 'plain',
  Sids: 'S-1-5-18', Sids_2: 'S-1-5-32-544', UInt16s: '1', UInt16s_2: '2', Binary_2: 'CAFE',
}

describe('binary XML', () => {
  const chunk = buildChunk([
    featureRecord(41, 'alice', { type: 0x21, fragment: { template: userDataTemplate, values: ['alice', 'CORP', 'x'].map(valueBytes.utf16) } }),
    featureRecord(42, 'bob', { type: 0x21, fragment: { template: userDataTemplate, values: ['bob', 'CORP', 'y'].map(valueBytes.utf16) } }),
    featureRecord(43, 'carol', {
      type: 0x21,
      direct: { element: 'UserData', children: [{ element: 'Direct', attributes: [['Note', [{ text: 'n' }]]], children: [{ text: 'written without template' }] }] },
    }),
  ])
  const { records, rejects } = parseEvtxChunk(chunk, 0)

  it('reads every record', () => {
    expect(rejects).toEqual([])
    expect(records.map((record) => record.recordId)).toEqual([41, 42, 43])
  })

  it('renders every value type, arrays, references, CDATA, and nested binary XML', () => {
    expect(records[0]).toEqual({
      recordId: 41,
      ts: Date.UTC(2024, 2, 1, 8, 0, 0, 250),
      eventId: 7,
      provider: 'Feature-Provider',
      channel: 'Application',
      computer: 'HOST-A',
      userSid: 'S-1-5-21-1-2-3-1001',
      keywords: null,
      data: { ...expectedData, SubjectUserName: 'alice', SubjectDomainName: 'CORP', Deep: 'x' },
    })
  })

  it('reuses a template definition and names cached from an earlier record', () => {
    expect(records[1]?.data).toEqual({ ...expectedData, SubjectUserName: 'bob', SubjectDomainName: 'CORP', Deep: 'y' })
  })

  it('reads elements written without a template (no dependency id)', () => {
    expect(records[2]?.data).toEqual({ ...expectedData, Direct: 'written without template' })
  })
})
