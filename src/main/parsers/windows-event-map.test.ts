import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { readEvtx } from './evtx/read-evtx'
import { mapWindowsEvent } from './windows-event-map'
import type { WindowsRecord } from './windows-fields'

const ts = Date.UTC(2024, 4, 2, 9, 30, 0, 123)
const security = 'Microsoft-Windows-Security-Auditing'
const sysmon = 'Microsoft-Windows-Sysmon'

function record(eventId: number, data: Record<string, string>, overrides: Partial<WindowsRecord> = {}): WindowsRecord {
  return {
    recordId: 1000, ts, eventId, provider: security, channel: 'Security', computer: 'DC01.corp.example', userSid: null,
    data, keywords: '0x8020000000000000', ...overrides,
  }
}

function mapped(input: WindowsRecord): NormalizedEvent {
  const outcome = mapWindowsEvent(input)
  if (outcome === null || Array.isArray(outcome) || !('action' in outcome)) throw new Error(`not an event: ${JSON.stringify(outcome)}`)
  return outcome
}

const subject = { SubjectUserSid: 'S-1-5-21-1-2-3-500', SubjectUserName: 'Admin', SubjectDomainName: 'CORP', SubjectLogonId: '0x3e7' }
const machineSubject = { SubjectUserSid: 'S-1-5-18', SubjectUserName: 'DC01$', SubjectDomainName: 'CORP', SubjectLogonId: '0x3e7' }

describe('mapWindowsEvent: Security logons', () => {
  const logon = {
    ...machineSubject, TargetUserSid: 'S-1-5-21-1-2-3-1104', TargetUserName: 'Alice', TargetDomainName: 'CORP',
    TargetLogonId: '0x8f0cd568', LogonType: '10', LogonProcessName: 'User32 ', AuthenticationPackageName: 'Negotiate',
    WorkstationName: 'WS07', ProcessName: 'C:\\Windows\\System32\\svchost.exe', IpAddress: '10.1.2.3', IpPort: '51515',
  }

  it('4624: the account that logged on, from where, how', () => {
    expect(mapped(record(4624, logon))).toEqual({
      ts, user: 'alice', host: 'DC01.corp.example', srcIp: '10.1.2.3', dstIp: null, category: 'authentication',
      action: 'logon', outcome: 'success', object: null, bytes: null, amount: null,
      attrs: {
        eventId: 4624, recordId: 1000, channel: 'Security', logonType: 10, workstation: 'WS07',
        process: 'C:\\Windows\\System32\\svchost.exe', srcPort: 51515, logonId: '0x8f0cd568', authPackage: 'Negotiate',
        subject: 'CORP\\DC01$', rawUser: 'CORP\\Alice',
      },
    })
  })

  it('4625: a failure with its status, sub-status and reason', () => {
    const event = mapped(record(4625, { ...logon, Status: '0xc000006d', SubStatus: '0xc000006a', FailureReason: '%%2313' }, { keywords: '0x8010000000000000' }))
    expect(event).toMatchObject({ user: 'alice', action: 'logon_failed', outcome: 'failure', srcIp: '10.1.2.3' })
    expect(event.attrs).toMatchObject({ status: '0xc000006d', subStatus: '0xc000006a', failureReason: '%%2313', logonType: 10 })
  })

  it('4634 and 4647: logoff of the target account', () => {
    expect(mapped(record(4634, { TargetUserName: 'alice', TargetDomainName: 'CORP', TargetLogonId: '0x1', LogonType: '3' })))
      .toMatchObject({ user: 'alice', action: 'logoff', outcome: 'success', attrs: { logonType: 3, logonId: '0x1' } })
    expect(mapped(record(4647, { TargetUserName: 'bob', TargetDomainName: 'CORP', TargetLogonId: '0x2' })))
      .toMatchObject({ user: 'bob', action: 'logoff' })
  })

  it('4648: the subject acts with the target account\'s credentials on the target server', () => {
    expect(mapped(record(4648, {
      ...subject, TargetUserName: 'svc_backup', TargetDomainName: 'CORP', TargetServerName: 'FS01', TargetInfo: 'FS01',
      ProcessName: 'C:\\Windows\\System32\\runas.exe', IpAddress: '-', IpPort: '-',
    }))).toMatchObject({
      user: 'admin', action: 'explicit_credentials', object: 'FS01', srcIp: null,
      attrs: { targetUser: 'CORP\\svc_backup', targetServer: 'FS01', process: 'C:\\Windows\\System32\\runas.exe' },
    })
  })

  it('4672: privileges as a list', () => {
    expect(mapped(record(4672, { ...subject, PrivilegeList: 'SeSecurityPrivilege\r\n\t\t\tSeDebugPrivilege' })).attrs.privileges)
      .toEqual(['SeSecurityPrivilege', 'SeDebugPrivilege'])
  })

  it('skips machine accounts, SIDs and "-" as the user', () => {
    expect(mapped(record(4624, { ...logon, TargetUserName: 'WS07$' })).user).toBeNull()
    expect(mapped(record(4624, { ...logon, TargetUserName: '-', TargetDomainName: '-' })).user).toBeNull()
    expect(mapped(record(4672, { ...machineSubject, PrivilegeList: 'SeTcbPrivilege' })).user).toBeNull()
  })
})

describe('mapWindowsEvent: processes, accounts, groups, Kerberos, NTLM, log clearing', () => {
  it('4688: the command line, else the image; the parent in attrs', () => {
    const start = record(4688, {
      ...subject, NewProcessId: '0x1a2c', NewProcessName: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd.exe /c whoami',
      ParentProcessName: 'C:\\Windows\\explorer.exe', TargetUserName: '-', TargetDomainName: '-',
    })
    expect(mapped(start)).toMatchObject({
      user: 'admin', category: 'process', action: 'process_start', object: 'cmd.exe /c whoami',
      attrs: { image: 'C:\\Windows\\System32\\cmd.exe', parent: 'C:\\Windows\\explorer.exe', processId: 0x1a2c },
    })
    expect(mapped(record(4688, { ...machineSubject, NewProcessName: 'C:\\x.exe', CommandLine: '', TargetUserName: 'carol', TargetDomainName: 'CORP' })))
      .toMatchObject({ user: 'carol', object: 'C:\\x.exe' })
  })

  it.each([
    [4720, 'account_create'], [4722, 'account_enable'], [4723, 'password_change'], [4724, 'password_reset'],
    [4725, 'account_disable'], [4726, 'account_delete'], [4738, 'account_modify'],
  ])('%i: %s by the subject on the target account', (eventId, action) => {
    expect(mapped(record(eventId, { ...subject, TargetUserName: 'dave', TargetDomainName: 'CORP', TargetSid: 'S-1-5-21-1-2-3-1200' })))
      .toMatchObject({ user: 'admin', category: 'system', action, object: 'dave', attrs: { targetDomain: 'CORP', targetSid: 'S-1-5-21-1-2-3-1200' } })
  })

  it.each([
    [4727, 'group_create'], [4731, 'group_create'], [4754, 'group_create'],
    [4728, 'group_member_add'], [4732, 'group_member_add'], [4756, 'group_member_add'],
    [4729, 'group_member_remove'], [4733, 'group_member_remove'],
  ])('%i: %s, object = group, attrs.member', (eventId, action) => {
    expect(mapped(record(eventId, { ...subject, MemberName: 'CN=Dave,OU=Users,DC=corp,DC=example', MemberSid: 'S-1-5-21-1-2-3-1200', TargetUserName: 'Domain Admins', TargetDomainName: 'CORP' })))
      .toMatchObject({ user: 'admin', action, object: 'Domain Admins', attrs: { member: 'CN=Dave,OU=Users,DC=corp,DC=example', targetUser: 'Dave' } })
  })

  it('4728 with no member name keeps the member SID, and names no account', () => {
    const { attrs } = mapped(record(4728, { ...subject, MemberName: '-', MemberSid: 'S-1-5-21-9', TargetUserName: 'Backup' }))
    expect(attrs.member).toBe('S-1-5-21-9')
    expect(attrs.targetUser).toBeUndefined()
  })

  it('4732 names the member account from a directory name with an escaped comma, or DOMAIN\\name', () => {
    const member = (name: string) => mapped(record(4732, { ...subject, MemberName: name, TargetUserName: 'Administrators' })).attrs.targetUser
    expect(member('CN=Smith\\, Dave,OU=Users,DC=corp,DC=example')).toBe('Smith, Dave')
    expect(member('CORP\\dave')).toBe('CORP\\dave')
  })

  it('4740: the locked-out account and the caller computer', () => {
    expect(mapped(record(4740, { ...machineSubject, TargetUserName: 'erin', TargetDomainName: 'WS09' })))
      .toMatchObject({ user: 'erin', action: 'account_lockout', object: 'erin', attrs: { callerComputer: 'WS09' } })
  })

  it('4768/4769: Kerberos with the result code as outcome', () => {
    expect(mapped(record(4768, { TargetUserName: 'frank', TargetDomainName: 'CORP.EXAMPLE', ServiceName: 'krbtgt', IpAddress: '::ffff:10.1.2.4', IpPort: '50000', Status: '0x0', TicketEncryptionType: '0x12' })))
      .toMatchObject({ user: 'frank', action: 'kerberos_tgt', outcome: 'success', srcIp: '10.1.2.4', object: 'krbtgt', attrs: { status: '0x0', ticketEncryption: '0x12', srcPort: 50000 } })
    expect(mapped(record(4768, { TargetUserName: 'frank', Status: '0x18' }, { keywords: '0x8020000000000000' })).outcome).toBe('failure')
    expect(mapped(record(4769, { TargetUserName: 'frank@CORP.EXAMPLE', ServiceName: 'cifs/fs01', IpAddress: '10.1.2.4', Status: '0x0' })))
      .toMatchObject({ user: 'frank', action: 'kerberos_service', object: 'cifs/fs01', outcome: 'success' })
  })

  it('4776: NTLM validation, failed when the status is not 0', () => {
    expect(mapped(record(4776, { PackageName: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0', TargetUserName: 'gina', Workstation: 'WS03', Status: '0xc000006a' })))
      .toMatchObject({ user: 'gina', action: 'credential_validation', outcome: 'failure', attrs: { workstation: 'WS03', status: '0xc000006a' } })
  })

  it('1102 and 104: log cleared, by whom and which log', () => {
    const userData = { SubjectUserSid: 'S-1-5-21-1-2-3-500', SubjectUserName: 'Admin', SubjectDomainName: 'CORP', SubjectLogonId: '0x1' }
    expect(mapped(record(1102, userData, { provider: 'Microsoft-Windows-Eventlog', keywords: '0x4020000000000000' })))
      .toMatchObject({ user: 'admin', category: 'system', action: 'log_cleared', object: 'Security', outcome: 'success' })
    expect(mapped(record(104, { ...userData, Channel: 'System', BackupPath: '' }, { provider: 'Microsoft-Windows-Eventlog', channel: 'System' })))
      .toMatchObject({ action: 'log_cleared', object: 'System' })
  })
})

describe('mapWindowsEvent: Sysmon', () => {
  const sysmonRecord = (eventId: number, data: Record<string, string>): WindowsRecord =>
    record(eventId, data, { provider: sysmon, channel: 'Microsoft-Windows-Sysmon/Operational', keywords: '0x8000000000000000' })

  it('1: process start with image, command line, parent and one hash', () => {
    expect(mapped(sysmonRecord(1, {
      Image: 'C:\\Windows\\System32\\wermgr.exe', CommandLine: 'wermgr.exe -upload', ParentImage: 'C:\\Windows\\SysWOW64\\rundll32.exe',
      ParentCommandLine: 'rundll32.exe x.dll', User: 'MSEDGEWIN10\\IEUser', ProcessId: '5600', IntegrityLevel: 'High',
      Hashes: 'SHA1=23,MD5=CD,SHA256=61A8,IMPHASH=4E00',
    }))).toEqual({
      ts, user: 'ieuser', host: 'DC01.corp.example', srcIp: null, dstIp: null, category: 'process', action: 'process_start',
      outcome: 'unknown', object: 'wermgr.exe -upload', bytes: null, amount: null,
      attrs: {
        eventId: 1, recordId: 1000, channel: 'Microsoft-Windows-Sysmon/Operational', image: 'C:\\Windows\\System32\\wermgr.exe',
        parent: 'C:\\Windows\\SysWOW64\\rundll32.exe', parentCommandLine: 'rundll32.exe x.dll', processId: 5600,
        integrityLevel: 'High', hashes: 'SHA256=61A8', rawUser: 'MSEDGEWIN10\\IEUser',
      },
    })
  })

  it('3: network connection, object = destination host name or IP', () => {
    const connect = { User: 'CORP\\alice', Image: 'C:\\x.exe', Protocol: 'tcp', Initiated: 'true', SourceIp: '10.0.0.5', SourcePort: '50123', DestinationIp: '93.184.216.34', DestinationPort: '443', DestinationHostname: 'example.org' }
    expect(mapped(sysmonRecord(3, connect))).toMatchObject({
      user: 'alice', category: 'network', action: 'network_connect', srcIp: '10.0.0.5', dstIp: '93.184.216.34', object: 'example.org',
      attrs: { srcPort: 50123, dstPort: 443, protocol: 'tcp', initiated: true, image: 'C:\\x.exe' },
    })
    expect(mapped(sysmonRecord(3, { ...connect, DestinationHostname: '-' })).object).toBe('93.184.216.34')
  })

  it('11, 22: file created, DNS query', () => {
    expect(mapped(sysmonRecord(11, { Image: 'C:\\x.exe', TargetFilename: 'C:\\Users\\alice\\evil.dll', User: 'CORP\\alice' })))
      .toMatchObject({ category: 'file', action: 'file_create', object: 'C:\\Users\\alice\\evil.dll', user: 'alice' })
    expect(mapped(sysmonRecord(22, { Image: 'C:\\x.exe', QueryName: 'c2.example.net', QueryStatus: '0', QueryResults: '::ffff:1.2.3.4;' })))
      .toMatchObject({ category: 'network', action: 'dns_query', object: 'c2.example.net', attrs: { queryStatus: '0', queryResults: '::ffff:1.2.3.4;' } })
  })
})

describe('mapWindowsEvent: file and share access', () => {
  const access = { ...subject, ObjectServer: 'Security', ObjectType: 'File', ObjectName: 'D:\\Shares\\HR\\2024\\salaries.xlsx', HandleId: '0xcea', ProcessName: 'System' }

  it('reads 4663 on a file as an open, write or delete by the subject, never as removable media', () => {
    expect(mapped(record(4663, { ...access, AccessList: '%%4416', AccessMask: '0x1' }))).toMatchObject({
      user: 'admin', category: 'file', action: 'file_open', object: 'D:\\Shares\\HR\\2024\\salaries.xlsx', host: 'DC01.corp.example', outcome: 'success',
      attrs: { eventId: 4663, accessMask: '0x1', process: 'System', toRemovableMedia: false },
    })
    expect(mapped(record(4663, { ...access, AccessMask: '0x2' })).action).toBe('file_write')
    expect(mapped(record(4663, { ...access, AccessMask: '0x6' })).action).toBe('file_write')
    expect(mapped(record(4663, { ...access, AccessMask: '0x10000' })).action).toBe('file_delete')
    // Removable storage auditing names the device, not a drive letter: whether it is removable is left open.
    expect(mapped(record(4663, { ...access, ObjectName: '\\Device\\HarddiskVolume5\\a.docx', AccessMask: '0x2' })).attrs.toRemovableMedia).toBeUndefined()
  })

  it('keeps 4663 on a registry key or a process generic', () => {
    expect(mapped(record(4663, { ...access, ObjectType: 'Key', ObjectName: '\\REGISTRY\\MACHINE\\SAM', AccessMask: '0x1' })).action).toBe('windows_event')
    expect(mapped(record(4663, { ...access, ObjectType: 'Process', ObjectName: '\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe', AccessMask: '0x10' })).action).toBe('windows_event')
  })

  it('reads 5140 as a share opened from an address, the share as logged', () => {
    expect(mapped(record(5140, { ...subject, ObjectType: 'File', IpAddress: '10.20.1.74', IpPort: '50123', ShareName: '\\\\*\\ADMIN$', ShareLocalPath: '\\??\\C:\\Windows', AccessMask: '0x1' }))).toMatchObject({
      user: 'admin', category: 'file', action: 'share_access', object: '\\\\*\\ADMIN$', srcIp: '10.20.1.74',
      attrs: { eventId: 5140, accessMask: '0x1', sharePath: '\\??\\C:\\Windows' },
    })
  })
})

describe('mapWindowsEvent: everything else and bad records', () => {
  it('keeps an unmapped event as Provider/EventID with its data', () => {
    expect(mapped(record(5156, { ...subject, Application: 'C:\\x.exe', DestAddress: '10.0.0.9' }))).toMatchObject({
      user: 'admin', category: 'system', action: 'windows_event', object: `${security}/5156`, outcome: 'success',
      attrs: { eventId: 5156, provider: security, data: { Application: 'C:\\x.exe', DestAddress: '10.0.0.9' } },
    })
    const longValue = 'x'.repeat(400)
    const generic = mapped(record(4104, { ScriptBlockText: longValue }, { provider: 'Microsoft-Windows-PowerShell', keywords: null }))
    expect(generic).toMatchObject({ object: 'Microsoft-Windows-PowerShell/4104', outcome: 'unknown' })
    expect((generic.attrs.data as Record<string, string>).ScriptBlockText).toHaveLength(257)
  })

  it('takes the audit failure bit of Keywords as the outcome', () => {
    expect(mapped(record(4656, subject, { keywords: '0x8010000000000000' })).outcome).toBe('failure')
  })

  it('rejects a record without a usable time', () => {
    expect(mapWindowsEvent(record(4624, {}, { ts: null }))).toEqual({ reject: 'no usable time (TimeCreated)' })
  })
})

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const samples = resolve(repoRoot, '..', 'shared', 'data', 'evtx-attack-samples')
const available = existsSync(samples)

describe('mapWindowsEvent on EVTX-ATTACK-SAMPLES', () => {
  it.skipIf(!available)('maps a real 4624 (values checked with python-evtx) (needs ../shared/data)', () => {
    const records = readEvtx(readFileSync(join(samples, 'Command and Control/DE_RDP_Tunnel_5156.evtx'))).records
    expect(mapped(records.find((candidate) => candidate.recordId === 227701)!)).toEqual({
      ts: Date.UTC(2019, 1, 13, 18, 2, 4, 426), user: 'user01', host: 'PC01.example.corp', srcIp: '127.0.0.1', dstIp: null,
      category: 'authentication', action: 'logon', outcome: 'success', object: null, bytes: null, amount: null,
      attrs: {
        eventId: 4624, recordId: 227701, channel: 'Security', logonType: 11, workstation: 'PC01',
        process: 'C:\\Windows\\System32\\winlogon.exe', srcPort: 0, logonId: '0x1414c8', authPackage: 'Negotiate',
        subject: 'EXAMPLE\\PC01$', rawUser: 'EXAMPLE\\user01',
      },
    })
  })

  it.skipIf(!available)('maps a real Sysmon 1 (values checked with python-evtx) (needs ../shared/data)', () => {
    const [first] = readEvtx(readFileSync(join(samples, 'AutomatedTestingTools/Malware/rundll32_hollowing_wermgr_masquerading.evtx'))).records
    expect(mapped(first!)).toEqual({
      ts: Date.UTC(2020, 9, 20, 22, 33, 2, 63), user: 'ieuser', host: 'MSEDGEWIN10', srcIp: null, dstIp: null,
      category: 'process', action: 'process_start', outcome: 'unknown', object: 'C:\\Windows\\system32\\wermgr.exe',
      bytes: null, amount: null,
      attrs: {
        eventId: 1, recordId: 422695, channel: 'Microsoft-Windows-Sysmon/Operational', image: 'C:\\Windows\\System32\\wermgr.exe',
        parent: 'C:\\Windows\\SysWOW64\\rundll32.exe', parentCommandLine: 'rundll32.exe  c:\\temp\\winfire.dll,DllRegisterServer',
        processId: 5600, integrityLevel: 'High', hashes: 'SHA256=61A84B2D8CA05C11E79DB8E18FEB0FE4BE1B8D555D0BE2651516B144800153AB',
        rawUser: 'MSEDGEWIN10\\IEUser',
      },
    })
  })

  it.skipIf(!available)('maps every record of the 277 files to an event, with these action counts (needs ../shared/data)', () => {
    const stats = JSON.parse(readFileSync(join(samples, 'EVTX_STATS.json'), 'utf8')) as Record<string, unknown>
    const actions: Record<string, number> = {}
    for (const file of Object.keys(stats)) {
      for (const input of readEvtx(readFileSync(join(samples, file))).records) {
        const action = mapped(input).action
        actions[action] = (actions[action] ?? 0) + 1
      }
    }
    expect(actions).toEqual({
      windows_event: 6153, process_start: 1533, file_create: 209, network_connect: 164, logon: 87, log_cleared: 26,
      privilege_use: 22, credential_validation: 12, kerberos_tgt: 11, explicit_credentials: 7, account_modify: 5,
      file_delete: 3, password_reset: 2, account_create: 2, group_member_add: 2, logoff: 2, kerberos_service: 2,
      logon_failed: 1, dns_query: 1, account_enable: 1, share_access: 6, file_open: 4,
    })
  })
})
