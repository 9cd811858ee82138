import { account, baseAttrs, field, integer, statusOutcome, withValues, type MappedFields, type WindowsRecord } from './windows-fields'

// Microsoft-Windows-Security-Auditing events. Who is `user` differs per event: the account that
// logged on (Target*) for logons, the administrator who acted (Subject*) for account and group
// management, whose target then becomes `object`.

const whitespace = /\s+/

const accountActions: Readonly<Record<number, string>> = {
  4720: 'account_create',
  4722: 'account_enable',
  4723: 'password_change',
  4724: 'password_reset',
  // Not in the shared vocabulary, which has no verb for a disabled account.
  4725: 'account_disable',
  4726: 'account_delete',
  4738: 'account_modify',
}

const groupActions: Readonly<Record<number, string>> = {
  4727: 'group_create', 4731: 'group_create', 4754: 'group_create',
  4728: 'group_member_add', 4732: 'group_member_add', 4756: 'group_member_add',
  4729: 'group_member_remove', 4733: 'group_member_remove', 4757: 'group_member_remove',
}

/** The normalized fields of a mapped Security event, or null for an event id this does not map. */
export function mapSecurityEvent(record: WindowsRecord): MappedFields | null {
  const id = record.eventId
  const attrs = baseAttrs(record)
  const subject = account(record, 'SubjectUserName', 'SubjectDomainName')
  const target = account(record, 'TargetUserName', 'TargetDomainName')
  switch (id) {
    case 4624:
    case 4625:
      return {
        category: 'authentication',
        action: id === 4624 ? 'logon' : 'logon_failed',
        outcome: id === 4624 ? 'success' : 'failure',
        user: target,
        srcIp: field(record, 'IpAddress'),
        attrs: withValues(attrs, {
          logonType: integer(field(record, 'LogonType')),
          workstation: field(record, 'WorkstationName'),
          process: field(record, 'ProcessName'),
          srcPort: integer(field(record, 'IpPort')),
          logonId: field(record, 'TargetLogonId'),
          authPackage: field(record, 'AuthenticationPackageName'),
          status: field(record, 'Status'),
          subStatus: field(record, 'SubStatus'),
          failureReason: field(record, 'FailureReason'),
          subject: subject,
        }),
      }
    case 4634:
    case 4647:
      return {
        category: 'authentication',
        action: 'logoff',
        user: target,
        attrs: withValues(attrs, { logonType: integer(field(record, 'LogonType')), logonId: field(record, 'TargetLogonId') }),
      }
    case 4648:
      return {
        category: 'authentication',
        action: 'explicit_credentials',
        user: subject,
        srcIp: field(record, 'IpAddress'),
        object: field(record, 'TargetServerName'),
        attrs: withValues(attrs, {
          targetUser: target,
          targetServer: field(record, 'TargetServerName'),
          targetInfo: field(record, 'TargetInfo'),
          process: field(record, 'ProcessName'),
        }),
      }
    case 4672: {
      const privileges = field(record, 'PrivilegeList')
      return {
        category: 'authentication',
        action: 'privilege_use',
        user: subject,
        attrs: withValues(attrs, { privileges: privileges?.split(whitespace), logonId: field(record, 'SubjectLogonId') }),
      }
    }
    case 4688: {
      const image = field(record, 'NewProcessName')
      return {
        category: 'process',
        action: 'process_start',
        // The creator; a service starting a process for someone is a machine account, so then
        // the account the new process runs as (Target*, Windows 10 and later) is the person.
        user: subject !== null && !subject.endsWith('$') ? subject : target ?? subject,
        object: field(record, 'CommandLine') ?? image,
        attrs: withValues(attrs, {
          image,
          parent: field(record, 'ParentProcessName'),
          processId: integer(field(record, 'NewProcessId')),
          targetUser: target,
        }),
      }
    }
    case 4740:
      // The locked-out account is whose behaviour this describes; the subject is the domain controller.
      return {
        category: 'authentication',
        action: 'account_lockout',
        user: field(record, 'TargetUserName'),
        object: field(record, 'TargetUserName'),
        attrs: withValues(attrs, { callerComputer: field(record, 'TargetDomainName'), subject }),
      }
    case 4768:
    case 4769:
      return {
        category: 'authentication',
        action: id === 4768 ? 'kerberos_tgt' : 'kerberos_service',
        outcome: statusOutcome(field(record, 'Status')),
        user: target,
        srcIp: field(record, 'IpAddress'),
        object: field(record, 'ServiceName'),
        attrs: withValues(attrs, {
          status: field(record, 'Status'),
          ticketEncryption: field(record, 'TicketEncryptionType'),
          srcPort: integer(field(record, 'IpPort')),
        }),
      }
    case 4663:
      return fileAccess(record, subject)
    case 5140:
      return shareAccess(record, subject)
    case 4776:
      return {
        category: 'authentication',
        action: 'credential_validation',
        outcome: statusOutcome(field(record, 'Status')),
        user: field(record, 'TargetUserName'),
        attrs: withValues(attrs, {
          workstation: field(record, 'Workstation'),
          status: field(record, 'Status'),
          package: field(record, 'PackageName'),
        }),
      }
  }
  const accountAction = accountActions[id]
  if (accountAction !== undefined) {
    return {
      category: 'system',
      action: accountAction,
      user: subject,
      object: field(record, 'TargetUserName'),
      attrs: withValues(attrs, { targetDomain: field(record, 'TargetDomainName'), targetSid: field(record, 'TargetSid') }),
    }
  }
  const groupAction = groupActions[id]
  if (groupAction !== undefined) {
    return {
      category: 'system',
      action: groupAction,
      user: subject,
      object: field(record, 'TargetUserName'),
      attrs: withValues(attrs, {
        member: field(record, 'MemberName') ?? field(record, 'MemberSid'),
        targetUser: memberAccount(field(record, 'MemberName')),
        groupDomain: field(record, 'TargetDomainName'),
      }),
    }
  }
  return null
}

/**
 * The account a group change names, from its MemberName: the common name of a directory entry
 * (`CN=dave,OU=Users,…`; where a directory names people `CN=Dave Smith` it matches no account,
 * and the change stays the administrator's finding alone), or `DOMAIN\name`; null when only a
 * SID names it (local groups).
 */
function memberAccount(memberName: string | null): string | null {
  if (memberName === null || /^S-1-/i.test(memberName)) return null
  const commonName = /^CN=((?:\\.|[^,\\])+)/i.exec(memberName)
  if (commonName !== null) return commonName[1]!.replace(/\\(.)/g, '$1')
  return memberName.includes('=') ? null : memberName
}

// AccessMask bits of a file object (winnt.h): what the handle was opened to do.
const readData = 0x1
const writeData = 0x2
const appendData = 0x4
const deleteAccess = 0x10000
const driveOrSharePath = /^([a-z]:\\|\\\\)/i

/**
 * 4663, an audited access to an object: for a file, an open, write or delete of `ObjectName` by
 * the subject (a file server's shares, audited per folder). Other object types (registry keys,
 * kernel objects) stay generic. A drive-letter path is the logging machine's own audited folder,
 * never removable media: Windows reports removable storage under its device path (\Device\…).
 */
function fileAccess(record: WindowsRecord, subject: string | null): MappedFields | null {
  const objectType = field(record, 'ObjectType')
  const path = field(record, 'ObjectName')
  if (objectType?.toLowerCase() !== 'file' || path === null) return null
  const mask = integer(field(record, 'AccessMask')) ?? readData
  const action = mask & deleteAccess ? 'file_delete' : mask & (writeData | appendData) ? 'file_write' : 'file_open'
  return {
    category: 'file',
    action,
    user: subject,
    object: path,
    attrs: withValues(baseAttrs(record), {
      accessMask: field(record, 'AccessMask'),
      process: field(record, 'ProcessName'),
      toRemovableMedia: driveOrSharePath.test(path) ? false : null,
    }),
  }
}

/**
 * 5140, a network share opened. The object is the share as the log names it (`\\*\C$`; the
 * server is the event's host), so the location is the kind of share: an administrator's daily C$
 * on new machines is already counted as new hosts, a first ADMIN$ is a location never used before.
 */
function shareAccess(record: WindowsRecord, subject: string | null): MappedFields | null {
  const share = field(record, 'ShareName')
  if (share === null) return null
  return {
    category: 'file',
    action: 'share_access',
    user: subject,
    object: share,
    srcIp: field(record, 'IpAddress'),
    attrs: withValues(baseAttrs(record), { accessMask: field(record, 'AccessMask'), sharePath: field(record, 'ShareLocalPath') }),
  }
}
