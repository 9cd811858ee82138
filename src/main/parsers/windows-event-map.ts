import { makeEvent } from './normalize'
import type { ParseOutcome } from './types'
import { account, auditOutcome, baseAttrs, field, withValues, type MappedFields, type WindowsRecord } from './windows-fields'
import { mapSecurityEvent } from './windows-security-map'
import { mapSysmonEvent } from './windows-sysmon-map'

// One mapping for every Windows source (EVTX, Winlogbeat, OTRF/NXLog, Sentinel exports), so the
// same event reads the same whatever carried it.

const securityProvider = 'microsoft-windows-security-auditing'
const sysmonProvider = 'microsoft-windows-sysmon'
const sysmonChannel = 'microsoft-windows-sysmon/operational'
const eventlogProvider = 'microsoft-windows-eventlog'
const maximumDataKeys = 32
const maximumDataLength = 256

/**
 * A Windows event as a normalized event: Security logons, account and group changes, Kerberos and
 * NTLM, process starts, log clearing, Sysmon process/network/file/DNS; any other event id becomes
 * a generic `windows_event` so nothing valid is dropped. Without a time it is a rejection.
 */
export function mapWindowsEvent(record: WindowsRecord): ParseOutcome {
  if (record.ts === null || !Number.isFinite(record.ts)) return { reject: 'no usable time (TimeCreated)' }
  const provider = record.provider.toLowerCase()
  const channel = record.channel.toLowerCase()
  let mapped: MappedFields | null = null
  if (provider === sysmonProvider || channel === sysmonChannel) {
    mapped = mapSysmonEvent(record)
  } else if (isSecurityRecord(provider, channel, record.eventId)) {
    mapped = mapSecurityEvent(record)
  } else if (provider === eventlogProvider && (record.eventId === 1102 || record.eventId === 104)) {
    mapped = logCleared(record)
  }
  mapped ??= genericEvent(record)
  return makeEvent({
    ...mapped,
    user: mapped.user ?? record.exporterUser ?? null,
    ts: record.ts,
    host: record.computer,
    outcome: mapped.outcome ?? auditOutcome(record.keywords) ?? 'unknown',
  })
}

/**
 * Whether a record is the Security log's: by its provider, else its channel. Security auditing
 * numbers its events 4608–6424 (Sysmon's are below 100), so a record that names neither (a
 * hand-built Winlogbeat document) is Security's when its id is.
 */
function isSecurityRecord(provider: string, channel: string, eventId: number): boolean {
  if (provider !== '') return provider === securityProvider
  return channel === 'security' || (channel === '' && eventId >= 4608 && eventId <= 6424)
}

/** 1102: the Security log was cleared; 104: another log was (its name is in UserData/Channel). */
function logCleared(record: WindowsRecord): MappedFields {
  return {
    category: 'system',
    // Not in the shared vocabulary: clearing a log is an anti-forensics signal of its own.
    action: 'log_cleared',
    outcome: 'success',
    user: account(record, 'SubjectUserName', 'SubjectDomainName'),
    object: record.eventId === 1102 ? record.channel || 'Security' : field(record, 'Channel') ?? record.channel,
    attrs: withValues(baseAttrs(record), { backupPath: field(record, 'BackupPath') }),
  }
}

/** Any other event: kept as `Provider/EventID`, its data (bounded) in attrs. */
function genericEvent(record: WindowsRecord): MappedFields {
  const data: Record<string, string> = {}
  let kept = 0
  for (const key in record.data) {
    if (kept++ >= maximumDataKeys) break
    const value = record.data[key]!
    data[key] = value.length > maximumDataLength ? `${value.slice(0, maximumDataLength)}…` : value
  }
  const attrs = baseAttrs(record)
  if (record.provider) attrs.provider = record.provider
  if (kept > 0) attrs.data = data
  return {
    category: 'system',
    // Not in the shared vocabulary: an event no mapping describes, named by provider and id.
    action: 'windows_event',
    user: account(record, 'SubjectUserName', 'SubjectDomainName') ?? field(record, 'User'),
    object: `${record.provider || record.channel || 'unknown'}/${record.eventId}`,
    attrs,
  }
}
