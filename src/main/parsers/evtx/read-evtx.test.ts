import { describe, expect, it } from 'vitest'
import { buildChunk, buildFile } from '../fixtures/evtx/evtx-builder'
import { logonEvents, sampleRecord } from '../fixtures/evtx/sample-events'
import { crc32 } from './bytes'
import { chunkSize, parseEvtxChunk } from './chunk'
import { evtxParser } from './evtx-parser'
import { fileHeaderSize, readEvtxFileHeader } from './file-header'
import { readEvtx } from './read-evtx'

const start = Date.UTC(2024, 2, 1, 8, 0, 0, 250)
// Three chunks of 120 records: ids 1..360, so chunk k holds ids 120k+1 .. 120k+120.
const events = logonEvents(1, 360, start)
const chunks = [0, 1, 2].map((k) => buildChunk(events.slice(k * 120, k * 120 + 120).map(sampleRecord)))
const cleanFile = buildFile(chunks)

function ids(records: readonly { recordId: number | null }[]): number[] {
  return records.map((record) => record.recordId!)
}

const allIds = events.map((event) => event.id)

function withHeaderCount(file: Uint8Array, count: number, options: { dirty?: boolean; fixCrc?: boolean } = {}): Uint8Array {
  const copy = file.slice()
  const view = new DataView(copy.buffer)
  view.setUint16(0x2a, count, true)
  if (options.dirty) view.setUint32(0x78, 1, true)
  if (options.fixCrc !== false) view.setUint32(0x7c, crc32(copy, [[0, 0x78]]), true)
  return copy
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'), [[0, 9]])).toBe(0xcbf43926)
    expect(crc32(new TextEncoder().encode('1234567890123456789'), [[0, 9], [9, 19]])).toBe(
      crc32(new TextEncoder().encode('1234567890123456789'), [[0, 19]]),
    )
  })
})

describe('readEvtxFileHeader', () => {
  it('reads a clean header', () => {
    expect(readEvtxFileHeader(cleanFile.subarray(0, fileHeaderSize))).toEqual({
      ok: true, chunkCount: 3, dirty: false, full: false, problems: [],
    })
  })

  it('reports a dirty flag and a broken checksum without refusing the file', () => {
    const damaged = withHeaderCount(cleanFile, 1, { dirty: true, fixCrc: false })
    const header = readEvtxFileHeader(damaged.subarray(0, fileHeaderSize))
    expect(header).toEqual({ ok: true, chunkCount: 1, dirty: true, full: false, problems: ['file header checksum mismatch'] })
  })

  it('says what is wrong with an empty, foreign or short header', () => {
    expect(readEvtxFileHeader(new Uint8Array(0)).problems).toEqual(['empty file'])
    expect(readEvtxFileHeader(new TextEncoder().encode('{"EventID": 4624}')).ok).toBe(false)
    expect(readEvtxFileHeader(cleanFile.subarray(0, 64))).toMatchObject({ ok: true, problems: ['file header truncated to 64 bytes'] })
  })
})

describe('readEvtx on a clean file', () => {
  it('returns every record with its System fields and EventData', () => {
    const result = readEvtx(cleanFile)
    expect(result.rejects).toEqual([])
    expect(result.chunksFound).toBe(3)
    expect(ids(result.records)).toEqual(allIds)
    expect(result.records[5]).toEqual({
      recordId: 6,
      ts: start + 5000,
      eventId: 4624,
      provider: 'Microsoft-Windows-Security-Auditing',
      channel: 'Security',
      computer: 'WS01.corp.example',
      userSid: null,
      keywords: '0x8020000000000000',
      data: {
        SubjectUserSid: 'S-1-5-18',
        SubjectUserName: 'WS01$',
        SubjectDomainName: 'CORP',
        TargetUserName: 'user5',
        TargetDomainName: 'CORP',
        LogonType: '10',
        IpAddress: '10.0.0.5',
        IpPort: '51234',
        WorkstationName: 'WS02',
        ProcessName: '-',
      },
    })
  })
})

describe('readEvtx never trusts the header', () => {
  it('recovers every record when the header chunk count was lowered (dirty log)', () => {
    const result = readEvtx(withHeaderCount(cleanFile, 1, { dirty: true }))
    expect(result.header.dirty).toBe(true)
    expect(ids(result.records)).toEqual(allIds)
    expect(result.rejects).toEqual([])
  })

  it('recovers every record when the header checksum is wrong', () => {
    const result = readEvtx(withHeaderCount(cleanFile, 3, { fixCrc: false }).map((byte, i) => (i === 0x7c ? byte ^ 0xff : byte)))
    expect(ids(result.records)).toEqual(allIds)
    expect(result.rejects).toEqual([{ recordNo: null, chunkIndex: null, reason: 'file header checksum mismatch' }])
  })

  it('recovers every record when the header is zeroed entirely', () => {
    const file = cleanFile.slice()
    file.fill(0, 0, fileHeaderSize)
    const result = readEvtx(file)
    expect(result.header.ok).toBe(false)
    expect(ids(result.records)).toEqual(allIds)
  })
})

describe('readEvtx on a stale chunk header', () => {
  it('follows records past the free-space offset while their ids continue (dirty log)', () => {
    const chunk = chunks[2]!.slice()
    const view = new DataView(chunk.buffer)
    // The header as it was 20 records ago: free space at record 101 of the chunk, checksums valid.
    let at = 512
    for (let i = 0; i < 100; i++) at += view.getUint32(at + 4, true)
    view.setUint32(0x30, at, true)
    view.setUint32(0x34, crc32(chunk, [[512, at]]), true)
    view.setUint32(0x7c, crc32(chunk, [[0, 0x78], [0x80, 0x200]]), true)
    const result = parseEvtxChunk(chunk, 2)
    expect(result.rejects).toEqual([])
    expect(ids(result.records)).toEqual(allIds.slice(240))
  })
})

describe('readEvtx on damaged chunks', () => {
  it('rejects a chunk whose records fail their checksum, and keeps the other chunks', () => {
    const file = cleanFile.slice()
    // A byte inside a UTF-16 value of chunk 1: the structure holds, the checksum does not.
    const offset = fileHeaderSize + chunkSize + 0x2000
    file[offset] = file[offset]! ^ 0x20
    const result = readEvtx(file)
    expect(result.rejects).toContainEqual({ recordNo: null, chunkIndex: 1, reason: 'chunk 1: event records checksum mismatch' })
    const kept = new Set(ids(result.records))
    for (const id of [...allIds.slice(0, 120), ...allIds.slice(240)]) expect(kept.has(id)).toBe(true)
  })

  it('rejects records whose bytes are smashed and still reads the rest of the chunk', () => {
    const file = cleanFile.slice()
    const chunkStart = fileHeaderSize + chunkSize
    // Overwrite the middle of chunk 1 with 0xEE: records there lose their signature.
    file.fill(0xee, chunkStart + 0x3000, chunkStart + 0x3400)
    const result = readEvtx(file)
    expect(result.rejects.some((reject) => reject.chunkIndex === 1 && reject.reason.includes('checksum'))).toBe(true)
    expect(result.rejects.some((reject) => reject.chunkIndex === 1 && reject.recordNo !== null)).toBe(true)
    const kept = new Set(ids(result.records))
    for (const id of [1, 120, 121, 241, 360]) expect(kept.has(id)).toBe(true)
    expect(result.records.length).toBeGreaterThan(330)
    expect(result.records.length).toBeLessThan(360)
  })

  it('reads a chunk whose header checksum is broken, and says so', () => {
    const file = cleanFile.slice()
    const at = fileHeaderSize + chunkSize * 2 + 0x10 // the last record number field of chunk 2
    file[at] = file[at]! ^ 0x01
    const result = readEvtx(file)
    expect(result.rejects).toEqual([{ recordNo: null, chunkIndex: 2, reason: 'chunk 2: header checksum mismatch' }])
    expect(ids(result.records)).toEqual(allIds)
  })

  it('reads a truncated file as far as it goes', () => {
    const cut = fileHeaderSize + chunkSize * 2 + 0x4000
    const result = readEvtx(cleanFile.subarray(0, cut))
    expect(result.rejects).toEqual([
      { recordNo: null, chunkIndex: 2, reason: 'chunk 2: truncated to 16384 bytes' },
      { recordNo: 281, chunkIndex: 2, reason: 'record cut short at chunk offset 16352' },
    ])
    const got = ids(result.records)
    expect(got.slice(0, 240)).toEqual(allIds.slice(0, 240))
    expect(got).toEqual(allIds.slice(0, 280))
  })

  it('never throws on junk, an empty buffer or a header alone', () => {
    let seed = 7
    const junk = new Uint8Array(300_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24))
    junk.set(new TextEncoder().encode('ElfFile\0'), 0)
    junk.set(new TextEncoder().encode('ElfChnk\0'), fileHeaderSize)
    expect(() => readEvtx(junk)).not.toThrow()
    expect(readEvtx(junk).records).toEqual([])
    expect(readEvtx(new Uint8Array(0))).toMatchObject({ records: [], rejects: [{ reason: 'empty file' }] })
    expect(readEvtx(cleanFile.subarray(0, fileHeaderSize)).records).toEqual([])
  })
})

describe('parseEvtxChunk on random damage', () => {
  it('never throws, and every record it returns has an id and an event id', () => {
    let seed = 12345
    const random = (limit: number): number => (seed = (seed * 1103515245 + 12345) >>> 0) % limit
    for (let round = 0; round < 300; round++) {
      const chunk = chunks[round % 3]!.slice()
      const flips = 1 + random(40)
      for (let i = 0; i < flips; i++) chunk[random(0x4000)] = random(256)
      const result = parseEvtxChunk(chunk, round)
      for (const record of result.records) {
        expect(Number.isInteger(record.eventId)).toBe(true)
        expect(record.recordId).not.toBeNull()
      }
    }
  })
})

describe('parseEvtxChunk', () => {
  it('treats an all-zero slot as free space', () => {
    expect(parseEvtxChunk(new Uint8Array(chunkSize), 4)).toEqual({ records: [], rejects: [] })
  })

  it('uses EventRecordID as the reject number when a record cannot be read', () => {
    const chunk = chunks[0]!.slice()
    // Record 1's first substitution descriptor count: a huge count cannot fit the record.
    const view = new DataView(chunk.buffer)
    const countAt = findSubstitutionCount(chunk)
    view.setUint32(countAt, 0xffff, true)
    const result = parseEvtxChunk(chunk, 0)
    expect(result.rejects).toContainEqual({ recordNo: 1, reason: '65535 substitutions do not fit the record' })
    expect(ids(result.records)).toEqual(allIds.slice(1, 120))
  })
})

describe('evtxParser', () => {
  it('sniffs the ElfFile signature', () => {
    expect(evtxParser.sniff({ name: 'x.evtx', head: cleanFile.subarray(0, 4096), lines: [] })).toBe(1)
    expect(evtxParser.sniff({ name: 'x.evtx', head: new TextEncoder().encode('ElfFile'), lines: [] })).toBe(0)
  })

  it('maps records to normalized events', () => {
    const parser = evtxParser.open({ name: 'x.evtx', year: null, fileTime: null, timeZone: 'UTC' })
    expect(parser.parse(readEvtx(cleanFile).records[0]!, 1)).toMatchObject({
      ts: start, user: 'user0', host: 'WS01.corp.example', srcIp: '10.0.0.0', action: 'logon', outcome: 'success',
    })
  })
})

/** Offset of the substitution count of the first record (right after its inline template definition). */
function findSubstitutionCount(chunk: Uint8Array): number {
  const view = new DataView(chunk.buffer, chunk.byteOffset)
  const instance = 512 + 24 + 4 // record header, fragment header
  const definition = view.getUint32(instance + 6, true)
  return definition + 24 + view.getUint32(definition + 20, true)
}
