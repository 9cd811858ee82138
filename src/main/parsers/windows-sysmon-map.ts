import { baseAttrs, field, integer, withValues, type MappedFields, type WindowsRecord } from './windows-fields'

// Microsoft-Windows-Sysmon/Operational. Sysmon names the account a process runs as in `User`.

/** The normalized fields of a mapped Sysmon event, or null for an event id this does not map. */
export function mapSysmonEvent(record: WindowsRecord): MappedFields | null {
  const attrs = baseAttrs(record)
  const user = field(record, 'User')
  const image = field(record, 'Image')
  switch (record.eventId) {
    case 1:
      return {
        category: 'process',
        action: 'process_start',
        user,
        object: field(record, 'CommandLine') ?? image,
        attrs: withValues(attrs, {
          image,
          parent: field(record, 'ParentImage'),
          parentCommandLine: field(record, 'ParentCommandLine'),
          processId: integer(field(record, 'ProcessId')),
          integrityLevel: field(record, 'IntegrityLevel'),
          hashes: preferredHash(field(record, 'Hashes')),
        }),
      }
    case 3: {
      const destinationHost = field(record, 'DestinationHostname')
      return {
        category: 'network',
        action: 'network_connect',
        user,
        srcIp: field(record, 'SourceIp'),
        dstIp: field(record, 'DestinationIp'),
        object: destinationHost ?? field(record, 'DestinationIp'),
        attrs: withValues(attrs, {
          image,
          srcPort: integer(field(record, 'SourcePort')),
          dstPort: integer(field(record, 'DestinationPort')),
          protocol: field(record, 'Protocol'),
          initiated: booleanOf(field(record, 'Initiated')),
        }),
      }
    }
    case 11:
    case 23:
    case 26:
      return {
        category: 'file',
        action: record.eventId === 11 ? 'file_create' : 'file_delete',
        user,
        object: field(record, 'TargetFilename'),
        attrs: withValues(attrs, { image }),
      }
    case 22:
      return {
        category: 'network',
        // Not in the shared vocabulary: a name lookup is neither a connection nor a web request.
        action: 'dns_query',
        user,
        object: field(record, 'QueryName'),
        attrs: withValues(attrs, {
          image,
          queryStatus: field(record, 'QueryStatus'),
          queryResults: field(record, 'QueryResults')?.slice(0, 512),
        }),
      }
  }
  return null
}

/** One hash instead of Sysmon's list of four: SHA256 when logged, else the first one. */
function preferredHash(hashes: string | null): string | null {
  if (hashes === null) return null
  const parts = hashes.split(',')
  return parts.find((part) => part.toUpperCase().startsWith('SHA256=')) ?? parts[0] ?? null
}

function booleanOf(text: string | null): boolean | null {
  if (text === null) return null
  const lower = text.toLowerCase()
  return lower === 'true' ? true : lower === 'false' ? false : null
}
