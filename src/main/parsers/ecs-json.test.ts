import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ecsJsonParser } from './ecs-json'
import type { NormalizedEvent } from '../../shared/event'
import type { ParseOutcome, Sample } from './types'

const fixtures = resolve(fileURLToPath(import.meta.url), '..', 'fixtures', 'json')
const context = { name: 'x.json', year: null, fileTime: null, timeZone: 'UTC' }

/** What `json` framing hands the parser: each line of JSON lines, or each array element's text. */
function records(file: string): string[] {
  const text = readFileSync(resolve(fixtures, file), 'utf8')
  if (text.trimStart().startsWith('[')) return (JSON.parse(text) as unknown[]).map((value) => JSON.stringify(value))
  return text.split('\n').filter((line) => line.trim() !== '')
}

function sample(file: string): Sample {
  const head = readFileSync(resolve(fixtures, file))
  return { name: file, head, lines: head.toString('utf8').split(/\r\n|\r|\n/) }
}

function parseAll(file: string): ParseOutcome[] {
  const parser = ecsJsonParser.open(context)
  return records(file).map((record, index) => parser.parse(record, index + 1))
}

describe('ecsJsonParser on Filebeat system/auth (nested ECS)', () => {
  const outcomes = parseAll('ecs-filebeat-auth.ndjson')

  it('maps ssh logins by outcome and keeps the ECS action', () => {
    expect(outcomes[0]).toEqual({
      ts: Date.UTC(2023, 2, 14, 8, 15, 2),
      user: 'alice',
      host: 'bastion-01',
      srcIp: '10.1.2.3',
      dstIp: null,
      category: 'authentication',
      action: 'ssh_accept',
      outcome: 'success',
      object: null,
      bytes: null,
      amount: null,
      attrs: {
        ecsAction: 'ssh_login',
        ecsCategory: ['authentication', 'session'],
        ecsType: ['info'],
        dataset: 'system.auth',
        module: 'system',
        processName: 'sshd',
        pid: 4021,
        sourcePort: 51022,
        message: 'Accepted publickey for alice from 10.1.2.3 port 51022 ssh2',
      },
    })
    expect(outcomes[1]).toMatchObject({ action: 'ssh_failed', outcome: 'failure', user: 'root', srcIp: '203.0.113.9' })
  })

  it('falls back on category and type, and reads sudo from system.auth.sudo', () => {
    expect(outcomes[2]).toMatchObject({ ts: Date.UTC(2023, 2, 14, 7, 20, 11), category: 'system', action: 'account_create', user: 'deploy', attrs: { ecsAction: 'useradd' } })
    expect(outcomes[3]).toMatchObject({
      category: 'authentication',
      action: 'sudo',
      user: 'alice',
      object: '/usr/bin/systemctl restart nginx',
      attrs: { targetUser: 'root' },
    })
    expect(outcomes[4]).toMatchObject({ action: 'logoff', user: 'alice', attrs: { userDomain: 'CORP' } })
  })

  it('keeps the reason sudo gave for a refusal (a refusal by policy is a probe, a mistyped password is not)', () => {
    const parser = ecsJsonParser.open(context)
    const refused = parser.parse(JSON.stringify({
      '@timestamp': '2023-03-14T09:00:00Z', host: { name: 'db-02' }, user: { name: 'alice' },
      system: { auth: { sudo: { error: 'user NOT in sudoers', command: '/usr/bin/sudo -l', user: 'root' } } },
    }), 1)
    expect(refused).toMatchObject({ action: 'sudo_failed', user: 'alice', host: 'db-02', attrs: { reason: 'user NOT in sudoers', targetUser: 'root' } })
  })

  it('rejects a document without @timestamp', () => {
    expect(outcomes[5]).toEqual({ reject: 'no @timestamp' })
  })
})

describe('ecsJsonParser on a flattened, pretty-printed array', () => {
  const outcomes = parseAll('ecs-flattened.json')

  it('reads process, file and network events from dotted keys', () => {
    expect(outcomes[0]).toMatchObject({
      ts: Date.UTC(2023, 2, 14, 9, 0, 1, 123),
      category: 'process',
      action: 'process_start',
      user: 'bob',
      host: 'ws-17',
      object: 'curl -T /tmp/archive.tgz https://files.example.net/upload',
      attrs: { ecsAction: 'process_started', processName: 'curl', pid: 9911, parentProcess: 'bash' },
    })
    expect(outcomes[1]).toMatchObject({ category: 'file', action: 'file_create', object: '/home/bob/.ssh/authorized_keys', bytes: 402 })
    expect(outcomes[2]).toMatchObject({
      category: 'network',
      action: 'network_connect',
      srcIp: '10.0.0.17',
      dstIp: '198.51.100.20',
      object: 'files.example.net',
      bytes: 881200,
      host: 'ws-17',
      attrs: { sourcePort: 50122, destinationPort: 443, protocol: 'tcp' },
    })
  })

  it('calls a POST with a request body an upload, and joins email recipients', () => {
    expect(outcomes[3]).toMatchObject({
      category: 'web',
      action: 'web_upload',
      object: 'files.example.net',
      user: 'bob',
      attrs: { rawUser: 'CORP\\bob', url: 'https://Files.Example.net/upload?id=7', method: 'POST', status: 200 },
    })
    expect(outcomes[4]).toMatchObject({
      category: 'email',
      action: 'email_send',
      object: 'carol@example.org;dave@example.org',
      user: 'bob',
      attrs: { subject: 'Q1 numbers' },
    })
  })

  it("takes a message's bytes from its attachments, and its cc and bcc as recipients", () => {
    const parser = ecsJsonParser.open(context)
    const message = {
      '@timestamp': '2024-02-05T07:28:58.699-05:00',
      event: { category: 'email', action: 'email-sent' },
      user: { name: 'swarren' },
      email: {
        to: { address: ['jmorgan@kestrel-ri.org'] },
        cc: { address: ['a@kestrel-ri.org', 'b@kestrel-ri.org'] },
        bcc: { address: 'me@gmail.com' },
        attachments: [{ file: { name: 'config_aug.csv', size: 10350 } }, { file: { name: 'results_raw.zip', size: 21864165 } }, { file: { name: 'note.txt' } }],
      },
    }
    const sent = parser.parse(JSON.stringify(message), 1) as NormalizedEvent
    expect(sent).toMatchObject({
      action: 'email_send',
      bytes: 10350 + 21864165,
      object: 'jmorgan@kestrel-ri.org',
      attrs: { cc: 'a@kestrel-ri.org;b@kestrel-ri.org', bcc: 'me@gmail.com', attachmentCount: 3, attachments: 'config_aug.csv;results_raw.zip;note.txt' },
    })
    // Flattened keys (`"email.attachments": […]`) read the same; a message without attachments has no bytes.
    const flat = parser.parse(JSON.stringify({ '@timestamp': '2024-02-05T07:28:58Z', 'event.category': ['email'], 'user.name': 'x', 'email.attachments': [{ file: { size: 5 } }] }), 2)
    expect(flat).toMatchObject({ bytes: 5, attrs: { attachmentCount: 1 } })
    const bare = parser.parse(JSON.stringify({ ...message, email: { to: { address: ['x@y.org'] } } }), 3) as NormalizedEvent
    expect(bare.bytes).toBeNull()
    expect(bare.attrs.attachmentCount).toBeUndefined()
  })

  it('reads a file event with no type, or an unknown action, as a file touched (file_open)', () => {
    const parser = ecsJsonParser.open(context)
    const touched = (event: Record<string, unknown>) => parser.parse(JSON.stringify({ '@timestamp': '2024-03-04T09:00:00Z', event, user: { name: 'a' }, file: { path: '/srv/hr/pay.xlsx' } }), 1)
    expect(touched({ category: ['file'] })).toMatchObject({ category: 'file', action: 'file_open', object: '/srv/hr/pay.xlsx' })
    expect(touched({ category: 'file', type: 'info', action: 'dlp-scan' })).toMatchObject({ action: 'file_open' })
    expect(touched({ category: 'file', type: ['deletion'] })).toMatchObject({ action: 'file_delete' })
  })

  it('keeps unknown categories as system messages', () => {
    expect(outcomes[5]).toMatchObject({ category: 'system', action: 'system_message', host: 'ws-17', attrs: { ecsAction: 'config-change', ecsCategory: ['configuration'] } })
  })
})

describe('ecsJsonParser on Windows Security events under Winlogbeat names, without winlog fields', () => {
  const parser = ecsJsonParser.open(context)
  const windows = (code: string, action: string, category: string, type: string, outcome = 'success') =>
    parser.parse(JSON.stringify({
      '@timestamp': '2024-03-18T10:00:00Z', event: { code, action, category: [category], type: [type], outcome, provider: 'Microsoft-Windows-Security-Auditing' },
      user: { name: 'bob' }, host: { name: 'dc01' },
    }), 1)

  it('maps special privileges, explicit credentials, resets, lockouts and Kerberos to the EVTX parser’s verbs', () => {
    expect(windows('4672', 'logged-in-special', 'iam', 'admin')).toMatchObject({ category: 'authentication', action: 'privilege_use', user: 'bob', attrs: { eventCode: '4672' } })
    expect(windows('4648', 'logged-in-explicit', 'authentication', 'start')).toMatchObject({ action: 'explicit_credentials' })
    expect(windows('4724', 'reset-password', 'iam', 'change')).toMatchObject({ category: 'system', action: 'password_reset' })
    expect(windows('4722', 'enabled-user-account', 'iam', 'creation')).toMatchObject({ action: 'account_enable' })
    expect(windows('4740', 'locked-out-user-account', 'iam', 'change')).toMatchObject({ action: 'account_lockout' })
    expect(windows('4768', 'kerberos-authentication-ticket-requested', 'authentication', 'start', 'failure')).toMatchObject({ category: 'authentication', action: 'kerberos_tgt', outcome: 'failure' })
    expect(windows('4776', 'credential-validated', 'authentication', 'start')).toMatchObject({ action: 'credential_validation', outcome: 'success' })
  })
})

describe('ecsJsonParser on what scripts and Elasticsearch tools write', () => {
  const login = { event: { category: 'authentication', action: 'user_login', outcome: 'success' }, user: { name: 'alice' } }

  it('reads an @timestamp without an offset as UTC, as Elasticsearch does', () => {
    const parser = ecsJsonParser.open({ ...context, timeZone: 'America/New_York' })
    // Python's isoformat() of a naive time, with and without microseconds, and with a space.
    for (const stamp of ['2024-03-04T09:15:00', '2024-03-04T09:15:00.250000', '2024-03-04 09:15:00.25']) {
      expect(parser.parse(JSON.stringify({ '@timestamp': stamp, ...login }), 1)).toMatchObject({ ts: Date.UTC(2024, 2, 4, 9, 15, 0, stamp.includes('.') ? 250 : 0), user: 'alice' })
    }
    expect(parser.parse(JSON.stringify({ '@timestamp': '2024-03-04', ...login }), 2)).toEqual({ reject: "unreadable @timestamp '2024-03-04'" })
  })

  it('counts an upload by its request body, and reads a proxy record without a category by its URL', () => {
    const parser = ecsJsonParser.open(context)
    const post = { user: { name: 'alice' }, url: { full: 'https://mega.nz/upload' }, http: { request: { method: 'POST', body: { bytes: 500_000_000 } } } }
    expect(parser.parse(JSON.stringify({ '@timestamp': '2024-03-04T09:15:00Z', event: { category: ['network'] }, ...post }), 1)).toMatchObject({ action: 'web_upload', object: 'mega.nz', bytes: 500_000_000 })
    expect(parser.parse(JSON.stringify({ '@timestamp': '2024-03-04T09:15:00Z', event: { dataset: 'proxy', action: 'allowed' }, ...post }), 2)).toMatchObject({ category: 'web', action: 'web_upload' })
  })

  it('reads the document of an Elasticsearch hit (elasticdump, saved _search pages), and claims such files', () => {
    const hit = JSON.stringify({ _index: 'logs-system.auth-default', _id: 'x1', _score: 1, _source: { '@timestamp': '2024-03-04T09:15:00Z', ...login } })
    expect(ecsJsonParser.open(context).parse(hit, 1)).toMatchObject({ ts: Date.UTC(2024, 2, 4, 9, 15), user: 'alice', action: 'logon' })
    expect(ecsJsonParser.sniff({ name: 'dump.json', head: new Uint8Array(), lines: [hit, hit] })).toBe(0.95)
  })
})

describe('sniffEcs', () => {
  it('claims ECS exports, nested or flattened', () => {
    expect(ecsJsonParser.sniff(sample('ecs-filebeat-auth.ndjson'))).toBe(0.95)
    expect(ecsJsonParser.sniff(sample('ecs-flattened.json'))).toBe(0.95)
  })

  it('stays below windows-json on Winlogbeat documents, and low on bare Logstash output', () => {
    expect(ecsJsonParser.sniff(sample('winlogbeat-security.ndjson'))).toBe(0.45)
    expect(ecsJsonParser.sniff(sample('logstash-cloudtrail.ndjson'))).toBe(0.1)
    expect(ecsJsonParser.sniff({ name: 'a.log', head: new Uint8Array(), lines: ['Mar 14 08:00:00 host sshd[1]: x'] })).toBe(0)
  })
})

describe('ecsJsonParser on other exporters’ vocabularies (fixture: ecs-other-vocabularies.ndjson)', () => {
  const events = parseAll('ecs-other-vocabularies.ndjson').map((outcome) => {
    if (outcome === null || Array.isArray(outcome) || !('ts' in outcome)) throw new Error(`expected one event, got ${JSON.stringify(outcome)}`)
    return outcome
  })
  const at = (second: number) => events.find((event) => event.ts === Date.UTC(2024, 2, 4, 9, 0, second))!

  it('reads the words of an unknown event.action: copies, devices, uploads, transfers, failed sign-ins', () => {
    expect(at(0)).toMatchObject({ category: 'file', action: 'file_copy', object: 'E:\\exfil\\plan.docx' })
    expect(at(1)).toMatchObject({ action: 'file_copy', object: 'F:\\plan.docx' })
    expect(at(3)).toMatchObject({ category: 'device', action: 'device_connect' })
    expect(at(19)).toMatchObject({ action: 'device_disconnect' })
    expect(at(11)).toMatchObject({ category: 'transaction', action: 'transfer', amount: 9500, object: 'ACME Ltd' })
    expect(at(12)).toMatchObject({ action: 'transfer', amount: 9900, object: 'IBAN DE123' })
    // A core-banking beneficiary written as an object is known by its account.
    expect(at(25)).toMatchObject({ category: 'transaction', action: 'transfer', amount: 24400.5, object: '2967745980' })
    const parser = ecsJsonParser.open(context)
    for (const [fields, account] of [[{ transaction: { amount: 9500, recipient: { account: { id: 'acct-9' } } } }, 'acct-9'], [{ transaction: { amount: 9500 }, destination: { account: { number: '7731' } } }, '7731']] as const) {
      const transfer = JSON.stringify({ '@timestamp': '2024-03-04T09:15:00Z', event: { category: ['transaction'], action: 'transaction' }, user: { name: 'a' }, ...fields })
      expect(parser.parse(transfer, 1)).toMatchObject({ action: 'transfer', amount: 9500, object: account })
    }
    expect(at(20)).toMatchObject({ action: 'logon_failed', outcome: 'failure', srcIp: '1.2.3.4' })
    // No amount, no transfer: a database transaction stays what its category says.
    expect(at(17)).toMatchObject({ category: 'system', action: 'system_message', amount: null })
  })

  it('marks file events on USB storage from device fields or the action name', () => {
    expect(at(2)).toMatchObject({ action: 'file_copy', object: '/home/alice/plan.docx', attrs: { toRemovableMedia: true } })
    expect(at(0).attrs.toRemovableMedia).toBeUndefined()
  })

  it('takes domains from url.full, uploads from the request size, proxy traffic logged as network as web', () => {
    expect(at(4)).toMatchObject({ category: 'web', action: 'web_upload', object: 'mega.nz', bytes: 50_000_000 })
    expect(at(5)).toMatchObject({ category: 'web', action: 'web_upload', object: 'www.dropbox.com' })
    expect(at(6)).toMatchObject({ action: 'http_request', object: 'www.indeed.com', attrs: { url: 'https://www.indeed.com/jobs?q=analyst' } })
    // Without a whole URL, its domain and path make one (a rule may look for LinkedIn's job pages).
    expect(at(24)).toMatchObject({ object: 'www.linkedin.com', attrs: { url: 'www.linkedin.com/jobs/view/3100200' } })
    // A small POST is a form, not an upload.
    expect(at(18)).toMatchObject({ action: 'http_request', object: 'forms.example.com' })
  })

  it('joins process.args into the command line and reads member-added events by category and type', () => {
    expect(at(9)).toMatchObject({ action: 'process_start', object: 'sudo cat /etc/shadow' })
    expect(at(10)).toMatchObject({ action: 'group_member_add', object: 'Domain Admins', attrs: { targetUser: 'alice' } })
    expect(at(14)).toMatchObject({ action: 'sudo', object: 'sudo usermod -aG sudo alice' })
  })

  it('finds the user without user.name: on the source side, or by mail address', () => {
    expect(at(21)).toMatchObject({ action: 'logon', user: 'carol', srcIp: '198.51.100.4' })
    expect(at(22)).toMatchObject({ user: 'dave', object: 'mega.nz' })
  })
})
