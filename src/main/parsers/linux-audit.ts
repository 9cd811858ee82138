import type { NormalizedEvent } from '../../shared/event'
import { type AuditRecord, auditText, looksLikeAudit, readAuditRecord } from './audit-fields'
import { makeEvent } from './normalize'
import { isIpAddress } from './syslog-fields'
import type { LogParser, ParseOutcome, RecordParser, Sample } from './types'

/**
 * The Linux audit log (`/var/log/audit/audit.log`, RAW or ENRICHED): logons, sessions, sudo
 * commands and account changes from the user-space records (USER_LOGIN, USER_CMD, ADD_USER, …),
 * programs run from SYSCALL + EXECVE, and watched files from SYSCALL + PATH.
 *
 * The person is the login uid (`auid`): it stays the same through sudo and su. RAW logs give
 * it as a number only; its name comes from auditd's ENRICHED names (`AUID="alice"`), else from a
 * record earlier in the file that shows both (a session opened for `acct="alice"` with
 * `auid=1000`). A number never matched to a name leaves the user empty (`attrs.auid` keeps it),
 * since uid 1000 is a different person on every machine.
 */
export const linuxAuditParser: LogParser = {
  name: 'linux-audit',
  description: 'Linux audit log (auditd audit.log: type=… msg=audit(…): …), RAW or ENRICHED',
  framing: 'lines',
  sniff: sniffAudit,
  open(): RecordParser {
    return new AuditReader()
  },
}

function sniffAudit(sample: Sample): number {
  let seen = 0
  let matched = 0
  for (const line of sample.lines.slice(0, 100)) {
    if (isBetweenEvents(line)) continue
    seen++
    if (looksLikeAudit(line)) matched++
  }
  return seen === 0 ? 0 : (0.95 * matched) / seen
}

/** A blank line, or ausearch's separator and time header before each event. */
function isBetweenEvents(line: string): boolean {
  const trimmed = line.trim()
  return trimmed === '' || trimmed === '----' || trimmed.startsWith('time->')
}

/** The login uid of processes no one logged in to (daemons, boot): -1 as unsigned. */
const unsetUid = new Set(['4294967295', '-1'])

/** Programs that open a session for another account than the caller's. */
const switchPrograms: ReadonlySet<string> = new Set(['sudo', 'su', 'pkexec', 'runuser', 'crond', 'cron'])

function programOf(exe: string | null): string {
  return exe === null ? '' : exe.slice(exe.lastIndexOf('/') + 1)
}

/** The kernel's records of a syscall, read together by `finish`. */
const kernelParts: ReadonlySet<string> = new Set(['SYSCALL', 'EXECVE', 'CWD', 'PATH'])

/** Records that are parts of an event told by another record (the logon, the command), or carry nothing about people. */
const fragments: ReadonlySet<string> = new Set([
  'CWD', 'PROCTITLE', 'EOE', 'SOCKADDR', 'BPRM_FCAPS', 'OBJ_PID', 'MMAP', 'FD_PAIR', 'SECCOMP', 'NETFILTER_CFG',
  'USER_ACCT', 'CRED_ACQ', 'CRED_REFR', 'CRED_DISP', 'USER_ROLE_CHANGE', 'LOGIN', 'SERVICE_START', 'SERVICE_STOP',
])

/** More records than any real event has under one serial: a forged file is cut into pieces. */
const maxGroup = 2000

class AuditReader implements RecordParser {
  /** uid (as written) → account name, learned from the file itself. */
  private readonly uidNames = new Map<string, string>()
  /** The records of the event being read: they share a serial and come one after another, in either order. */
  private group: AuditRecord[] = []

  parse(line: string): ParseOutcome {
    if (isBetweenEvents(line)) return null
    const record = readAuditRecord(line)
    if (typeof record === 'string') return { reject: record }
    const first = this.group[0]
    const done = first !== undefined && (first.serial !== record.serial || first.ts !== record.ts || this.group.length >= maxGroup) ? this.finish() : null
    this.group.push(record)
    return done
  }

  /** The event of the records held so far. */
  finish(): ParseOutcome {
    const records = this.group
    this.group = []
    for (const record of records) this.learnNames(record)
    const events: NormalizedEvent[] = []
    const syscall = records.find((record) => record.type === 'SYSCALL') ?? null
    const execve = records.find((record) => record.type === 'EXECVE')
    const cwd = records.find((record) => record.type === 'CWD')
    const directory = cwd === undefined ? null : auditText(cwd, 'cwd')
    if (execve !== undefined) events.push(this.execution(execve, syscall, directory))
    else if (syscall !== null) events.push(this.fileAccess(records, syscall, directory) ?? this.untoldSyscall(syscall))
    for (const record of records) {
      if (kernelParts.has(record.type) || fragments.has(record.type)) continue
      const event = this.userRecord(record)
      if (event !== null) events.push(event)
    }
    return events.length === 0 ? null : events.length === 1 ? events[0]! : events
  }

  /** ENRICHED names, and the pairing of a session's login uid with its account. */
  private learnNames(record: AuditRecord): void {
    for (const key of ['auid', 'uid']) {
      const uid = record.fields.get(key)
      const name = record.names.get(key.toUpperCase())
      if (uid !== undefined && name !== undefined && !unsetUid.has(uid) && name !== 'unset') this.uidNames.set(uid, name)
    }
    // A logon's session is opened for the account that logged in; sudo's and su's for the one they switch to.
    const auid = record.fields.get('auid')
    const account = accountName(auditText(record, 'acct'))
    if (record.type !== 'USER_START' || record.fields.get('res') !== 'success' || auid === undefined || unsetUid.has(auid) || account === null) return
    if (!switchPrograms.has(programOf(auditText(record, 'exe')))) this.uidNames.set(auid, account)
  }

  /** `id=1000` (USER_LOGIN, ADD_USER): the account's name where it is known, else the number. */
  private idName(record: AuditRecord): string | null {
    const id = record.fields.get('id')
    if (id === undefined) return null
    return record.names.get('ID') ?? this.uidNames.get(id) ?? id
  }

  /** The login uid's name; for a process no one logged in to, nobody. */
  private person(record: AuditRecord, attrs: Record<string, unknown>): string | null {
    const auid = record.fields.get('auid')
    if (auid === undefined || unsetUid.has(auid) || auid === 'unset') return null
    // `ausearch -i` writes the name itself.
    if (!/^\d+$/.test(auid)) return auid
    const name = this.uidNames.get(auid) ?? null
    if (name === null) attrs.auid = Number(auid)
    return name
  }

  private event(record: AuditRecord, fields: Omit<Parameters<typeof makeEvent>[0], 'ts' | 'host'>): NormalizedEvent {
    return makeEvent({ ...fields, ts: record.ts, host: record.node, attrs: { auditType: record.type, serial: record.serial, ...fields.attrs } })
  }

  /** EXECVE: the program and its arguments, run by the SYSCALL's person. */
  private execution(record: AuditRecord, syscall: AuditRecord | null, directory: string | null): NormalizedEvent {
    const argc = Number(record.fields.get('argc') ?? 0)
    const args: string[] = []
    for (let index = 0; index < Math.min(argc, 64); index++) {
      const value = auditText(record, `a${index}`)
      if (value !== null) args.push(value)
    }
    const attrs = syscallAttrs(syscall)
    if (directory !== null) attrs.cwd = directory
    return this.event(record, {
      category: 'process',
      action: 'process_start',
      outcome: syscall?.fields.get('success') === 'no' ? 'failure' : 'success',
      user: syscall === null ? null : this.person(syscall, attrs),
      object: args.length > 0 ? args.join(' ') : ((attrs.image as string | undefined) ?? null),
      attrs,
    })
  }

  /**
   * The PATH of a SYSCALL that ran no program: a watched file was opened, created or deleted
   * (the audit rule's key says why it is watched). One event per syscall: its first named file.
   */
  private fileAccess(records: readonly AuditRecord[], syscall: AuditRecord, directory: string | null): NormalizedEvent | null {
    const path = records.find((record) => record.type === 'PATH' && record.fields.get('nametype') !== 'PARENT' && auditText(record, 'name') !== null)
    if (path === undefined) return null
    let name = auditText(path, 'name') ?? ''
    if (!name.startsWith('/') && directory !== null) name = `${directory.replace(/\/$/, '')}/${name}`
    const nametype = path.fields.get('nametype')
    const attrs = syscallAttrs(syscall)
    return this.event(path, {
      category: 'file',
      action: nametype === 'CREATE' ? 'file_create' : nametype === 'DELETE' ? 'file_delete' : 'file_open',
      outcome: syscall.fields.get('success') === 'no' ? 'failure' : 'success',
      user: this.person(syscall, attrs),
      object: name,
      attrs,
    })
  }

  /** A SYSCALL record no EXECVE or PATH told about (a watched connect, a module load): kept as a system message. */
  private untoldSyscall(syscall: AuditRecord): NormalizedEvent {
    const attrs = syscallAttrs(syscall)
    const command = auditText(syscall, 'comm')
    if (command !== null) attrs.comm = command
    return this.event(syscall, { category: 'system', action: 'system_message', outcome: 'unknown', user: this.person(syscall, attrs), object: 'audit', attrs })
  }

  /** The user-space records: logons, sessions, sudo, account changes; anything else a system message. */
  private userRecord(record: AuditRecord): NormalizedEvent | null {
    const attrs: Record<string, unknown> = {}
    const failed = record.fields.get('res') === 'failed' || record.fields.get('res') === '0'
    const outcome = failed ? 'failure' : 'success'
    const account = accountName(auditText(record, 'acct'))
    const exe = auditText(record, 'exe')
    const program = programOf(exe)
    if (exe !== null) attrs.exe = exe
    const terminal = auditText(record, 'terminal')
    if (terminal !== null) attrs.terminal = terminal
    const address = auditText(record, 'addr')
    const srcIp = address !== null && isIpAddress(address) ? address : null
    const hostname = auditText(record, 'hostname')
    if (hostname !== null && hostname !== address) attrs.srcHost = hostname
    const op = auditText(record, 'op')
    if (op !== null) attrs.op = op
    const actor = this.person(record, attrs)
    // Whom a logon or session record is about: the account it names, else the logged-in person.
    const subject = account ?? this.idName(record) ?? actor
    const sshd = program === 'sshd' || program === 'sshd-session'
    switch (record.type) {
      case 'USER_LOGIN': {
        // sshd writes a failed USER_LOGIN when it gives up on a connection whose attempts have USER_AUTH records of their own.
        if (sshd && failed) {
          return this.event(record, { category: 'authentication', action: 'ssh_disconnect', outcome: 'unknown', user: subject, srcIp, attrs: { ...attrs, reason: 'login failed' } })
        }
        const action = sshd ? 'ssh_accept' : failed ? 'logon_failed' : 'logon'
        return this.event(record, { category: 'authentication', action, outcome, user: subject, srcIp, attrs })
      }
      case 'USER_AUTH': {
        // A success is followed by the session or command it opened; a failure is the attempt.
        if (!failed) return null
        const action = program === 'sudo' ? 'sudo_failed' : program === 'su' ? 'su_failed' : sshd ? 'ssh_failed' : 'logon_failed'
        return this.event(record, { category: 'authentication', action, outcome, user: subject, srcIp, attrs })
      }
      case 'USER_START':
      case 'USER_END':
        return this.event(record, { category: 'authentication', action: record.type === 'USER_START' ? 'session_open' : 'session_close', outcome, user: subject, srcIp, attrs })
      case 'USER_LOGOUT':
        return this.event(record, { category: 'authentication', action: 'logoff', outcome, user: subject, srcIp, attrs })
      case 'USER_CMD': {
        const cwd = auditText(record, 'cwd')
        if (cwd !== null) attrs.pwd = cwd
        return this.event(record, { category: 'authentication', action: failed ? 'sudo_failed' : 'sudo', outcome, user: actor ?? this.uidNames.get(record.fields.get('uid') ?? '') ?? null, object: auditText(record, 'cmd'), attrs })
      }
      case 'USER_CHAUTHTOK': {
        if (failed) break
        const owner = account ?? actor
        attrs.targetUser = owner
        return this.event(record, { category: 'system', action: actor !== null && owner !== null && actor !== owner ? 'password_reset' : 'password_change', outcome, user: actor ?? owner, object: owner, attrs })
      }
      case 'ADD_USER':
      case 'DEL_USER':
      case 'ADD_GROUP':
      case 'USER_MGMT':
      case 'GRP_MGMT': {
        const change = accountChange(record.type, op)
        if (change === 'twin') return null
        if (change === null) break
        const group = auditText(record, 'grp')
        const target = account ?? this.idName(record)
        if (change.startsWith('group_member')) {
          attrs.targetUser = target
          return this.event(record, { category: 'system', action: change, outcome, user: actor, object: group, attrs })
        }
        if (change !== 'group_create') attrs.targetUser = target
        return this.event(record, { category: 'system', action: change, outcome, user: actor, object: change === 'group_create' ? (group ?? target) : target, attrs })
      }
    }
    return this.event(record, { category: 'system', action: 'system_message', outcome: 'unknown', user: actor, object: 'audit', attrs })
  }
}

/** What a SYSCALL record says of its program: the image, the audit rule's key, the call. */
function syscallAttrs(syscall: AuditRecord | null): Record<string, unknown> {
  const attrs: Record<string, unknown> = {}
  if (syscall === null) return attrs
  const image = auditText(syscall, 'exe')
  if (image !== null) attrs.image = image
  const key = auditText(syscall, 'key')
  if (key !== null) attrs.key = key
  const call = syscall.names.get('SYSCALL') ?? syscall.fields.get('syscall')
  if (call !== undefined) attrs.syscall = call
  return attrs
}

/** `acct="(invalid user)"`, `acct="?"`, `(unknown)`: no account. */
function accountName(value: string | null): string | null {
  if (value === null || value.startsWith('(')) return null
  return value
}

/**
 * shadow-utils' audit ops (`add-user`, `adding user`, `add-user-to-group`, …) as an account
 * action. Each membership is also written for /etc/gshadow (`…-shadow-group`): a twin, like its
 * syslog line. Home directories and mail spools are steps of the same useradd: twins too.
 */
function accountChange(type: string, op: string | null): string | 'twin' | null {
  const words = (op ?? '').toLowerCase().replaceAll('-', ' ')
  if (words.includes('shadow') || words.includes('home') || words.includes('mail')) return 'twin'
  if (type === 'ADD_USER') return 'account_create'
  if (type === 'DEL_USER') return 'account_delete'
  if (type === 'ADD_GROUP') return 'group_create'
  if (words.includes('group')) {
    if (words.includes('add')) return 'group_member_add'
    if (words.includes('delete') || words.includes('remove')) return 'group_member_remove'
  }
  return type === 'USER_MGMT' ? 'account_modify' : null
}
