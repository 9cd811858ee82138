// One line of the Linux audit log (`/var/log/audit/audit.log`) split into its fields:
//   [node=web01 ]type=USER_LOGIN msg=audit(1700000000.123:456): pid=1 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" addr=10.0.0.5 res=success'\x1dUID="root" AUID="alice"
// Values come quoted ("text"), bare, or hex-encoded when they hold spaces or quotes (a0=2F62696E,
// proctitle=…). A user-space record nests its own fields in msg='…'; they are read into the same
// record. auditd's ENRICHED format appends resolved names after a GS (0x1d) byte: those are kept
// apart (`names`), as they name what the numeric fields only number.

export interface AuditRecord {
  /** `node=` (the host, when auditd is set to name it). */
  node: string | null
  type: string
  /** Epoch ms, UTC. */
  ts: number
  /** The event's serial: the records of one event share it (and `ts`). */
  serial: number
  fields: Map<string, string>
  /** Keys whose value was quoted: text as is, never hex. */
  quoted: Set<string>
  /** ENRICHED names: `AUID` → `alice`, `UID` → `root`, `SYSCALL` → `openat`. */
  names: Map<string, string>
}

const header = /^(?:node=(\S+) )?type=([A-Z0-9_]+) msg=audit\((\d{1,12})(?:\.(\d{1,3}))?:(\d+)\): ?/

/** True when the line has an audit record's header. */
export function looksLikeAudit(line: string): boolean {
  return header.test(line)
}

/** The record, or a reason it is none. */
export function readAuditRecord(line: string): AuditRecord | string {
  const match = header.exec(line)
  if (match === null) return 'not an audit record (type=… msg=audit(…):)'
  const millis = (match[4] ?? '0').padEnd(3, '0')
  const record: AuditRecord = {
    node: match[1] ?? null,
    type: match[2]!,
    ts: Number(match[3]) * 1000 + Number(millis),
    serial: Number(match[5]),
    fields: new Map(),
    quoted: new Set(),
    names: new Map(),
  }
  let body = line.slice(match[0].length)
  const separator = body.indexOf('\x1d')
  if (separator >= 0) {
    readPairs(body.slice(separator + 1), record.names, new Set())
    body = body.slice(0, separator)
  }
  readPairs(body, record.fields, record.quoted)
  const inner = record.fields.get('msg')
  if (inner !== undefined) {
    record.fields.delete('msg')
    readPairs(inner, record.fields, record.quoted)
  }
  return record
}

/** `key=value key="quoted value" key='nested fields'` into `into`; later keys do not overwrite earlier ones. */
function readPairs(text: string, into: Map<string, string>, quoted: Set<string>): void {
  let index = 0
  while (index < text.length) {
    while (text.charCodeAt(index) === 32) index++
    const equals = text.indexOf('=', index)
    if (equals < 0) return
    const key = text.slice(index, equals)
    let value: string
    const quote = text[equals + 1]
    const isQuoted = quote === '"' || quote === "'"
    if (isQuoted) {
      const close = text.indexOf(quote, equals + 2)
      const end = close < 0 ? text.length : close
      value = text.slice(equals + 2, end)
      index = end + 1
    } else {
      let end = text.indexOf(' ', equals + 1)
      if (end < 0) end = text.length
      value = text.slice(equals + 1, end)
      index = end
    }
    if (key === '' || key.includes(' ') || into.has(key)) continue
    into.set(key, value)
    if (isQuoted) quoted.add(key)
  }
}

/**
 * A text field (acct, exe, cmd, a0, proctitle, name, cwd): quoted values are text already; bare
 * ones that are all upper-case hex digits were encoded (auditd hex-encodes strings with spaces,
 * and `00` separates proctitle's arguments). `(null)` and `?` are absent.
 */
export function auditText(record: AuditRecord, key: string): string | null {
  const value = record.fields.get(key)
  if (value === undefined || value === '(null)' || value === '?' || value === '') return null
  if (record.quoted.has(key) || value.length % 2 !== 0 || !/^[0-9A-F]+$/.test(value)) return value
  const bytes = new Uint8Array(value.length / 2)
  for (let index = 0; index < bytes.length; index++) {
    const code = Number.parseInt(value.slice(index * 2, index * 2 + 2), 16)
    bytes[index] = code === 0 ? 32 : code
  }
  return utf8.decode(bytes).trim()
}

const utf8 = new TextDecoder('utf-8')
