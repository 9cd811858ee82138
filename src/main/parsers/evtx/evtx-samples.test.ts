import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { crc32 } from './bytes'
import { chunkSize } from './chunk'
import { fileHeaderSize } from './file-header'
import { readEvtx } from './read-evtx'

// Every file of EVTX-ATTACK-SAMPLES against the per-file figures python-evtx produced
// (EVTX_STATS.json: record count, channels, top-10 event ids, first/last SystemTime).

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..')
const samples = resolve(repoRoot, '..', 'shared', 'data', 'evtx-attack-samples')
const available = existsSync(join(samples, 'EVTX_STATS.json'))

interface FileStats {
  ok: number
  err: number
  channels: Record<string, number>
  eventids: Record<string, number>
  first: string
  last: string
}

function loadStats(): Record<string, FileStats> {
  return JSON.parse(readFileSync(join(samples, 'EVTX_STATS.json'), 'utf8')) as Record<string, FileStats>
}

function read(file: string): Uint8Array {
  return readFileSync(join(samples, file))
}

/** python-evtx prints SystemTime rounded to microseconds, without zone: `2019-04-27 15:57:25.868864`. */
function statsTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`)
}

function countBy(values: readonly (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

describe('EVTX-ATTACK-SAMPLES', () => {
  it.skipIf(!available)('reads all 277 files exactly as the reference parser did (needs ../shared/data)', () => {
    const stats = loadStats()
    expect(Object.keys(stats)).toHaveLength(277)
    let total = 0
    for (const [file, expected] of Object.entries(stats)) {
      const result = readEvtx(read(file))
      total += result.records.length
      expect({ file, rejects: result.rejects }).toEqual({ file, rejects: [] })
      expect({ file, count: result.records.length }).toEqual({ file, count: expected.ok })
      expect({ file, channels: countBy(result.records.map((record) => record.channel)) }).toEqual({ file, channels: expected.channels })
      // The stats keep the ten most frequent ids (ties cut arbitrarily): each must match exactly,
      // and no id left out may outnumber the least frequent one kept.
      const ids = countBy(result.records.map((record) => record.eventId))
      const kept = Object.entries(expected.eventids)
      expect({ file, ids: Object.fromEntries(kept.map(([id]) => [id, ids[id]])) }).toEqual({ file, ids: expected.eventids })
      const smallestKept = Math.min(...kept.map(([, count]) => count))
      for (const [id, count] of Object.entries(ids)) {
        if (!(id in expected.eventids)) expect(count, `${file} id ${id}`).toBeLessThanOrEqual(smallestKept)
      }
      expect(kept.length).toBe(Math.min(10, Object.keys(ids).length))
      const times = result.records.map((record) => record.ts!)
      expect(Math.abs(Math.min(...times) - statsTime(expected.first)), `${file} first`).toBeLessThanOrEqual(1)
      expect(Math.abs(Math.max(...times) - statsTime(expected.last)), `${file} last`).toBeLessThanOrEqual(1)
    }
    expect(total).toBe(8255)
  })

  it.skipIf(!available)('gives the field values python-evtx and evtxexport give for a 4624 and a Sysmon 1 (needs ../shared/data)', () => {
    const logon = readEvtx(read('Command and Control/DE_RDP_Tunnel_5156.evtx')).records.find((record) => record.recordId === 227701)
    expect(logon).toEqual({
      recordId: 227701,
      ts: Date.UTC(2019, 1, 13, 18, 2, 4, 426),
      eventId: 4624,
      provider: 'Microsoft-Windows-Security-Auditing',
      channel: 'Security',
      computer: 'PC01.example.corp',
      userSid: null,
      keywords: '0x8020000000000000',
      data: {
        SubjectUserSid: 'S-1-5-18', SubjectUserName: 'PC01$', SubjectDomainName: 'EXAMPLE', SubjectLogonId: '0x3e7',
        TargetUserSid: 'S-1-5-21-1587066498-1489273250-1035260531-1106', TargetUserName: 'user01',
        TargetDomainName: 'EXAMPLE', TargetLogonId: '0x1414c8', LogonType: '11', LogonProcessName: 'User32 ',
        AuthenticationPackageName: 'Negotiate', WorkstationName: 'PC01', LogonGuid: '{00000000-0000-0000-0000-000000000000}',
        TransmittedServices: '-', LmPackageName: '-', KeyLength: '0', ProcessId: '0x704',
        ProcessName: 'C:\\Windows\\System32\\winlogon.exe', IpAddress: '127.0.0.1', IpPort: '0',
      },
    })
    const [processStart] = readEvtx(read('AutomatedTestingTools/Malware/rundll32_hollowing_wermgr_masquerading.evtx')).records
    expect(processStart).toMatchObject({
      recordId: 422695,
      ts: Date.UTC(2020, 9, 20, 22, 33, 2, 63),
      eventId: 1,
      provider: 'Microsoft-Windows-Sysmon',
      channel: 'Microsoft-Windows-Sysmon/Operational',
      computer: 'MSEDGEWIN10',
      userSid: 'S-1-5-18',
      data: {
        RuleName: '', UtcTime: '2020-10-20 22:33:02.059', ProcessGuid: '{747F3D96-659E-5F8F-0000-001064E03300}',
        ProcessId: '5600', Image: 'C:\\Windows\\System32\\wermgr.exe', FileVersion: '10.0.17763.1369 (WinBuild.160101.0800)',
        Description: 'Windows Problem Reporting', Product: 'Microsoft\u00ae Windows\u00ae Operating System',
        Company: 'Microsoft Corporation', OriginalFileName: 'WerMgr', CommandLine: 'C:\\Windows\\system32\\wermgr.exe',
        CurrentDirectory: 'C:\\Windows\\system32\\', User: 'MSEDGEWIN10\\IEUser', LogonGuid: '{747F3D96-6311-5F8F-0000-0020E0100900}',
        LogonId: '0x910e0', TerminalSessionId: '1', IntegrityLevel: 'High',
        Hashes: 'SHA1=231052FA4311FA3501539E34E21A624921E3C270,MD5=CD042F94B63D67E012CFB4297D313248,SHA256=61A84B2D8CA05C11E79DB8E18FEB0FE4BE1B8D555D0BE2651516B144800153AB,IMPHASH=4E00FCA0721761B10A8A7351CEFB0596',
        ParentProcessGuid: '{747F3D96-659B-5F8F-0000-001026C33300}', ParentProcessId: '2372',
        ParentImage: 'C:\\Windows\\SysWOW64\\rundll32.exe', ParentCommandLine: 'rundll32.exe  c:\\temp\\winfire.dll,DllRegisterServer',
      },
    })
  })

  it.skipIf(!available)('expands a string array into Data0, Data1… as evtxexport does (needs ../shared/data)', () => {
    const [failedLogin] = readEvtx(read('Credential Access/MSSQL_multiple_failed_logon_EventID_18456.evtx')).records
    expect(failedLogin?.data).toEqual({
      Data0: 'sa',
      Data1: ' Reason: Password did not match that for the login provided.',
      Data2: ' [CLIENT: 10.0.2.17]',
      Binary: '184800000E0000000C0000004D0053004500440047004500570049004E00310030000000070000006D00610073007400650072000000',
    })
  })
})

describe('EVTX-ATTACK-SAMPLES made dirty or damaged', () => {
  // 15 chunks, 565 Sysmon records.
  const file = 'AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx'

  function ids(bytes: Uint8Array): number[] {
    return readEvtx(bytes).records.map((record) => record.recordId!)
  }

  function withHeader(bytes: Uint8Array, chunkCount: number, options: { dirty?: boolean; breakCrc?: boolean }): Uint8Array {
    const copy = bytes.slice()
    const view = new DataView(copy.buffer)
    view.setUint16(0x2a, chunkCount, true)
    if (options.dirty) view.setUint32(0x78, view.getUint32(0x78, true) | 1, true)
    view.setUint32(0x7c, crc32(copy, [[0, 0x78]]) ^ (options.breakCrc ? 0xffff : 0), true)
    return copy
  }

  it.skipIf(!available)('recovers all 565 records with the header chunk count lowered to 2 (needs ../shared/data)', () => {
    const original = read(file)
    const expected = ids(original)
    expect(expected).toHaveLength(565)
    const dirty = withHeader(original, 2, { dirty: true })
    expect(readEvtx(dirty).header).toMatchObject({ chunkCount: 2, dirty: true, problems: [] })
    expect(ids(dirty)).toEqual(expected)
  })

  it.skipIf(!available)('recovers all 565 records when the header checksum is wrong (needs ../shared/data)', () => {
    const original = read(file)
    const damaged = withHeader(original, 15, { breakCrc: true })
    const result = readEvtx(damaged)
    expect(result.header.problems).toEqual(['file header checksum mismatch'])
    expect(result.records.map((record) => record.recordId)).toEqual(ids(original))
  })

  it.skipIf(!available)('rejects a corrupted chunk and keeps every record of the others (needs ../shared/data)', () => {
    const original = read(file)
    const damaged = original.slice()
    const chunk3 = fileHeaderSize + 3 * chunkSize
    for (let at = chunk3 + 0x1000; at < chunk3 + 0x1100; at++) damaged[at] = damaged[at]! ^ 0x5a
    const result = readEvtx(damaged)
    expect(result.rejects.filter((reject) => reject.chunkIndex !== 3)).toEqual([])
    expect(result.rejects).toContainEqual({ recordNo: null, chunkIndex: 3, reason: 'chunk 3: event records checksum mismatch' })
    const got = new Set(result.records.map((record) => record.recordId))
    const chunkOf = chunkRecordIds(original)
    for (const [index, recordIds] of chunkOf.entries()) {
      if (index !== 3) for (const id of recordIds) expect(got.has(id)).toBe(true)
    }
  })

  it.skipIf(!available)('reads a file cut in the middle of a chunk without throwing (needs ../shared/data)', () => {
    const original = read(file)
    const cut = fileHeaderSize + 6 * chunkSize + 0x7000
    const result = readEvtx(original.subarray(0, cut))
    const chunkOf = chunkRecordIds(original)
    const firstSix = chunkOf.slice(0, 6).flat()
    expect(result.records.slice(0, firstSix.length).map((record) => record.recordId)).toEqual(firstSix)
    expect(result.rejects[0]).toEqual({ recordNo: null, chunkIndex: 6, reason: 'chunk 6: truncated to 28672 bytes' })
  })
})

/** The record ids of each chunk of a clean file. */
function chunkRecordIds(bytes: Uint8Array): number[][] {
  const result: number[][] = []
  for (let offset = fileHeaderSize; offset + chunkSize <= bytes.length; offset += chunkSize) {
    const single = new Uint8Array(fileHeaderSize + chunkSize)
    single.set(bytes.subarray(0, fileHeaderSize))
    single.set(bytes.subarray(offset, offset + chunkSize), fileHeaderSize)
    const records = readEvtx(single).records
    if (records.length > 0) result.push(records.map((record) => record.recordId!))
  }
  return result
}
