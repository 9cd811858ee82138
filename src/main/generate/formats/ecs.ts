// Elastic Common Schema documents, one per line, nested as Elastic Agent and the Beats write
// them: authentication from the directory and VPN, process and file events from the endpoint
// agent, network connections, and web proxy requests.

import { isoStamp } from '../calendar'
import type { Stream } from '../output'

/** A JSON string literal (paths and command lines hold backslashes and quotes). */
const text = JSON.stringify

// Documents are assembled as text: the same bytes JSON.stringify would give for these nested
// objects, without building the objects (millions of them are written).
function write(stream: Stream, ts: number, event: string, rest: string): void {
  stream.push(ts, `{"@timestamp":"${isoStamp(ts)}","ecs":{"version":"8.11.0"},"event":{"kind":"event",${event}},${rest}}`)
}

function who(user: string, host: string): string {
  return `"user":{"name":${text(user)}},"host":{"name":${text(host)}}`
}

/** A logon (or a failed one) to `host` from `sourceIp`, as the directory or the VPN reports it. */
export function ecsLogon(stream: Stream, ts: number, at: { user: string; host: string; sourceIp: string; success: boolean; dataset?: string; logonType?: string }): void {
  const event = at.success
    ? `"category":["authentication"],"type":["start"],"action":"logged-in","outcome":"success","dataset":"${at.dataset ?? 'directory.authentication'}"`
    : `"category":["authentication"],"type":["start"],"action":"logon-failed","outcome":"failure","dataset":"${at.dataset ?? 'directory.authentication'}"`
  const labels = at.logonType ? `,"labels":{"logon_type":"${at.logonType}"}` : ''
  write(stream, ts, event, `${who(at.user, at.host)},"source":{"ip":"${at.sourceIp}"}${labels}`)
}

export function ecsLogoff(stream: Stream, ts: number, at: { user: string; host: string; sourceIp: string }): void {
  write(stream, ts, '"category":["authentication"],"type":["end"],"action":"logged-out","outcome":"success","dataset":"directory.authentication"', `${who(at.user, at.host)},"source":{"ip":"${at.sourceIp}"}`)
}

/** A process start seen by the endpoint agent. */
export function ecsProcess(stream: Stream, ts: number, at: { user: string; host: string; executable: string; args: string; pid: number; parent: string }): void {
  const name = at.executable.slice(Math.max(at.executable.lastIndexOf('\\'), at.executable.lastIndexOf('/')) + 1)
  const quoted = at.executable.includes(' ') ? `"${at.executable}"` : at.executable
  const commandLine = at.args === '' ? quoted : `${quoted} ${at.args}`
  write(
    stream,
    ts,
    '"category":["process"],"type":["start"],"action":"process-started","outcome":"success","dataset":"endpoint.events.process"',
    `${who(at.user, at.host)},"process":{"pid":${at.pid},"name":${text(name)},"command_line":${text(commandLine)},"parent":{"name":${text(at.parent)}}}`,
  )
}

const fileEvents = {
  open: '"category":["file"],"type":["access"],"action":"opened-file","outcome":"success","dataset":"endpoint.events.file"',
  write: '"category":["file"],"type":["change"],"action":"file-modified","outcome":"success","dataset":"endpoint.events.file"',
  create: '"category":["file"],"type":["creation"],"action":"file-created","outcome":"success","dataset":"endpoint.events.file"',
  delete: '"category":["file"],"type":["deletion"],"action":"file-deleted","outcome":"success","dataset":"endpoint.events.file"',
} as const

export type FileVerb = keyof typeof fileEvents

/** A file event seen by the endpoint agent on the user's machine (paths may be UNC shares). */
export function ecsFile(stream: Stream, ts: number, at: { user: string; host: string; verb: FileVerb; path: string; size: number; process: string }): void {
  write(stream, ts, fileEvents[at.verb], `${who(at.user, at.host)},"file":{"path":${text(at.path)},"size":${at.size}},"process":{"name":${text(at.process)}}`)
}

/** An outbound connection from `host`. */
export function ecsConnection(
  stream: Stream,
  ts: number,
  at: { user: string; host: string; sourceIp: string; destinationIp: string; port: number; domain?: string; sent: number; received: number },
): void {
  const domain = at.domain ? `,"domain":${text(at.domain)}` : ''
  write(
    stream,
    ts,
    '"category":["network"],"type":["connection","start"],"action":"connection-attempted","outcome":"success","dataset":"endpoint.events.network"',
    `${who(at.user, at.host)},"source":{"ip":"${at.sourceIp}","bytes":${at.sent}},"destination":{"ip":"${at.destinationIp}","port":${at.port},"bytes":${at.received}${domain}},"network":{"transport":"tcp"}`,
  )
}

/** A request through the web proxy. `sent` > 0 with POST/PUT is an upload. */
export function ecsWeb(
  stream: Stream,
  ts: number,
  at: { user: string; host: string; sourceIp: string; domain: string; path: string; method: string; status: number; sent: number; received: number },
): void {
  const outcome = at.status < 400 ? 'success' : 'failure'
  write(
    stream,
    ts,
    `"category":["web"],"type":["access"],"action":"proxy-request","outcome":"${outcome}","dataset":"proxy.access"`,
    `${who(at.user, at.host)},"source":{"ip":"${at.sourceIp}","bytes":${at.sent}},"destination":{"bytes":${at.received}},` +
      `"url":{"domain":${text(at.domain)},"path":${text(at.path)}},"http":{"request":{"method":"${at.method}","body":{"bytes":${at.method === 'GET' ? 0 : at.sent}}},"response":{"status_code":${at.status}}}`,
  )
}

/** A directory group change (`added-member-to-group`): `actor` added `member` to `group`. */
export function ecsGroupAdd(stream: Stream, ts: number, at: { actor: string; member: string; group: string; host: string }): void {
  write(
    stream,
    ts,
    '"category":["iam"],"type":["group","change"],"action":"added-member-to-group","outcome":"success","dataset":"directory.iam"',
    `"user":{"name":${text(at.actor)},"target":{"name":${text(at.member)}}},"group":{"name":${text(at.group)}},"host":{"name":${text(at.host)}}`,
  )
}
