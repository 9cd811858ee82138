// What a syslog message means, shared by the RFC 3164 / rsyslog parser and the RFC 5424 parser:
// the header parsers find time, host and program; this turns the program + message into events.
//
// Repeats: `message repeated 5 times: [ Failed password for root … ]` (rsyslog's reduction),
// `last message repeated 5 times` (sysklogd) and `PAM 5 more authentication failures` stand for
// occurrences that have no line of their own. Each occurrence becomes one event (all with this
// line's time and line number, and `attrs.repeat` = N), so every counter downstream (failures
// per user-day, brute-force rules, Markov sequences) counts them without knowing about repeats.
// At most `maxRepeat` events come from one line; beyond that `attrs.repeatCapped` is set.

import type { NormalizedEvent } from '../../shared/event'
import { makeEvent } from './normalize'
import { RootActors, accountPrograms, interpretAccountChange } from './syslog-accounts'
import { HostDevices, interpretKernel, interpretUdisks } from './syslog-devices'
import { type Finding, leadingNumber, programName, systemFinding } from './syslog-fields'
import { LogindTwins, interpretLogin, interpretLogind, looksLikeLogin } from './syslog-login'
import { failureSummary, interpretPam, splitPamPrefix, splitPamProgram } from './syslog-pam'
import { interpretPkexec, interpretSu, interpretSudo } from './syslog-privilege'
import { interpretSshd } from './syslog-sshd'

/** What the header of a syslog line said, whichever format it came in. */
export interface SyslogEnvelope {
  /** Epoch ms, UTC. */
  ts: number
  /** HOSTNAME field; null when the line had none. */
  host: string | null
  /** The program as the tag / APP-NAME gave it: `sshd`, `sshd(pam_unix)`, `/usr/sbin/cron`. */
  app: string | null
  /** PID / PROCID: a number when numeric. */
  pid: number | string | null
  /** Header facts copied into every event's attrs (facility, severity, msgid, sd); null if none. */
  extra: Record<string, unknown> | null
}

/**
 * What one log's earlier lines tell about its later ones: who was acting as root on each host
 * (`RootActors`), whether logind's session line repeats PAM's (`LogindTwins`), and who sat at a
 * host when removable storage went in (`HostDevices`). A reader keeps one per file or sender.
 */
export class LogMemory {
  private readonly rootActors = new RootActors()
  private readonly logindTwins = new LogindTwins()
  private readonly devices = new HostDevices()

  observe(event: NormalizedEvent): void {
    this.rootActors.observe(event)
    this.logindTwins.observe(event)
    this.devices.observe(event)
  }
}

/** The most events one line may turn into (a forged `message repeated 999999999 times` stays small). */
export const maxRepeat = 1000

const repeatedPrefix = 'message repeated '

/**
 * The events of one message. `times` > 1 when the caller already knows the message stands for
 * several occurrences (sysklogd's `last message repeated N times` refers to the line before).
 * `memory`, the reader's state for one log, fills in what a line leaves out (`LogMemory`).
 */
export function interpretSyslogMessage(envelope: SyslogEnvelope, message: string, times = 1, memory?: LogMemory): NormalizedEvent | NormalizedEvent[] {
  let text = message.trim()
  let count = times
  if (text.startsWith(repeatedPrefix)) {
    const repeated = leadingNumber(text, repeatedPrefix.length)
    const open = text.indexOf(': [', repeatedPrefix.length)
    if (repeated > 0 && open > 0 && open < repeatedPrefix.length + 20 && text.endsWith(']')) {
      count *= repeated
      text = text.slice(open + 3, -1).trim()
    }
  }
  const finding = findEvent(envelope.app, text)
  if (finding.repeat !== undefined) count *= finding.repeat
  const attrs: Record<string, unknown> = { app: envelope.app }
  if (envelope.pid !== null) attrs.pid = envelope.pid
  if (envelope.extra !== null) Object.assign(attrs, envelope.extra)
  if (finding.attrs !== undefined) Object.assign(attrs, finding.attrs)
  const repeated = count !== 1 || finding.repeat !== undefined
  if (repeated) attrs.repeat = count
  if (count > maxRepeat) attrs.repeatCapped = true
  const event = makeEvent({
    ts: envelope.ts,
    category: finding.category,
    action: finding.action,
    outcome: finding.outcome,
    user: finding.user ?? null,
    host: envelope.host,
    srcIp: finding.srcIp ?? null,
    object: finding.object ?? null,
    attrs,
  })
  memory?.observe(event)
  if (!repeated) return event
  const events: NormalizedEvent[] = [event]
  for (let index = 1; index < Math.min(count, maxRepeat); index++) events.push({ ...event, attrs: { ...event.attrs } })
  return events
}

/** The first interpreter that recognizes the message, else a `system_message`. */
function findEvent(app: string | null, text: string): Finding {
  const pam = splitPamPrefix(text) ?? splitPamProgram(app, text)
  const program = programName(app)
  if (pam !== null) return interpretPam(pam) ?? systemFinding(app, text)
  if (text.startsWith('PAM ') && failureSummary(text) !== null) {
    return interpretPam({ module: 'pam_unix', service: program, kind: 'auth', body: text }) ?? systemFinding(app, text)
  }
  let finding: Finding | null = null
  if (program === 'sshd' || program === 'sshd-session' || program === 'sshd-auth') finding = interpretSshd(app, text)
  else if (program === 'sudo') finding = interpretSudo(text)
  else if (program === 'su') finding = interpretSu(text)
  else if (program === 'pkexec') finding = interpretPkexec(text)
  else if (accountPrograms.has(program)) finding = interpretAccountChange(text)
  else if (program === 'kernel') finding = interpretKernel(text)
  else if (program === 'udisksd' || program === 'udisks-daemon') finding = interpretUdisks(text)
  else if (program === 'systemd-logind') finding = interpretLogind(text)
  else if (looksLikeLogin(text)) finding = interpretLogin(text)
  return finding ?? systemFinding(app, text)
}
