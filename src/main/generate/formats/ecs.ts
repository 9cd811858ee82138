// Elastic Common Schema documents, one per line, nested as Elastic Agent and the Beats write
// them: authentication from the directory and VPN, process and file events from the endpoint
// agent, network connections, and web proxy requests.

import { isoStamp } from '../calendar'
import type { Stream } from '../output'

const ecs = { version: '8.11.0' }
const userDomain = 'HALVORSEN'

function write(stream: Stream, ts: number, document: Record<string, unknown>): void {
  stream.push(ts, JSON.stringify({ '@timestamp': isoStamp(ts), ecs, ...document }))
}

/** A logon (or a failed one) to `host` from `sourceIp`, as the directory or the VPN reports it. */
export function ecsLogon(stream: Stream, ts: number, at: { user: string; host: string; sourceIp: string; success: boolean; dataset?: string; logonType?: string }): void {
  write(stream, ts, {
    event: {
      kind: 'event', category: ['authentication'], type: ['start'], action: at.success ? 'logged-in' : 'logon-failed',
      outcome: at.success ? 'success' : 'failure', dataset: at.dataset ?? 'directory.authentication', module: 'directory',
    },
    user: { name: at.user, domain: userDomain },
    host: { name: at.host },
    source: { ip: at.sourceIp },
    ...(at.logonType ? { labels: { logon_type: at.logonType } } : {}),
  })
}

export function ecsLogoff(stream: Stream, ts: number, at: { user: string; host: string; sourceIp: string }): void {
  write(stream, ts, {
    event: { kind: 'event', category: ['authentication'], type: ['end'], action: 'logged-out', outcome: 'success', dataset: 'directory.authentication', module: 'directory' },
    user: { name: at.user, domain: userDomain },
    host: { name: at.host },
    source: { ip: at.sourceIp },
  })
}

/** A process start seen by the endpoint agent. */
export function ecsProcess(stream: Stream, ts: number, at: { user: string; host: string; executable: string; args: string; pid: number; parent: string }): void {
  const name = at.executable.slice(Math.max(at.executable.lastIndexOf('\\'), at.executable.lastIndexOf('/')) + 1)
  const quoted = at.executable.includes(' ') ? `"${at.executable}"` : at.executable
  write(stream, ts, {
    event: { kind: 'event', category: ['process'], type: ['start'], action: 'process-started', outcome: 'success', dataset: 'endpoint.events.process', module: 'endpoint' },
    user: { name: at.user, domain: userDomain },
    host: { name: at.host },
    process: { pid: at.pid, name, executable: at.executable, command_line: at.args === '' ? quoted : `${quoted} ${at.args}`, parent: { name: at.parent } },
  })
}

const fileActions = {
  open: { action: 'opened-file', type: 'access' },
  write: { action: 'file-modified', type: 'change' },
  create: { action: 'file-created', type: 'creation' },
  delete: { action: 'file-deleted', type: 'deletion' },
} as const

export type FileVerb = keyof typeof fileActions

/** A file event seen by the endpoint agent on the user's machine (paths may be UNC shares). */
export function ecsFile(stream: Stream, ts: number, at: { user: string; host: string; verb: FileVerb; path: string; size: number; process: string }): void {
  const verb = fileActions[at.verb]
  const name = at.path.slice(at.path.lastIndexOf('\\') + 1)
  const dot = name.lastIndexOf('.')
  write(stream, ts, {
    event: { kind: 'event', category: ['file'], type: [verb.type], action: verb.action, outcome: 'success', dataset: 'endpoint.events.file', module: 'endpoint' },
    user: { name: at.user, domain: userDomain },
    host: { name: at.host },
    file: { path: at.path, name, ...(dot > 0 ? { extension: name.slice(dot + 1) } : {}), size: at.size },
    process: { name: at.process },
  })
}

/** An outbound connection from `host`. */
export function ecsConnection(
  stream: Stream,
  ts: number,
  at: { user: string; host: string; sourceIp: string; destinationIp: string; port: number; domain?: string; sent: number; received: number },
): void {
  write(stream, ts, {
    event: { kind: 'event', category: ['network'], type: ['connection', 'start'], action: 'connection-attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' },
    user: { name: at.user, domain: userDomain },
    host: { name: at.host },
    source: { ip: at.sourceIp, port: 49152 + (ts % 16000), bytes: at.sent },
    destination: { ip: at.destinationIp, port: at.port, bytes: at.received, ...(at.domain ? { domain: at.domain } : {}) },
    network: { transport: 'tcp', direction: 'egress' },
  })
}

/** A request through the web proxy. `sent` > 0 with POST/PUT is an upload. */
export function ecsWeb(
  stream: Stream,
  ts: number,
  at: { user: string; host: string; sourceIp: string; domain: string; path: string; method: string; status: number; sent: number; received: number },
): void {
  write(stream, ts, {
    event: { kind: 'event', category: ['web'], type: ['access'], action: 'proxy-request', outcome: at.status < 400 ? 'success' : 'failure', dataset: 'proxy.access', module: 'proxy' },
    user: { name: at.user, domain: userDomain },
    host: { name: at.host },
    source: { ip: at.sourceIp, bytes: at.sent },
    destination: { bytes: at.received },
    url: { domain: at.domain, path: at.path, original: `https://${at.domain}${at.path}`, scheme: 'https' },
    http: { request: { method: at.method, body: { bytes: at.method === 'GET' ? 0 : at.sent } }, response: { status_code: at.status, body: { bytes: at.received } } },
    observer: { name: 'proxy01', type: 'proxy' },
  })
}

/** A directory group change (`added-member-to-group`): `actor` added `member` to `group`. */
export function ecsGroupAdd(stream: Stream, ts: number, at: { actor: string; member: string; group: string; host: string }): void {
  write(stream, ts, {
    event: { kind: 'event', category: ['iam'], type: ['group', 'change'], action: 'added-member-to-group', outcome: 'success', dataset: 'directory.iam', module: 'directory' },
    user: { name: at.actor, domain: userDomain, target: { name: at.member } },
    group: { name: at.group, domain: userDomain },
    host: { name: at.host },
  })
}
