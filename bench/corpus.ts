import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { once } from 'node:events'

// Synthetic but realistic corpora for the ingest benchmark: the same shapes as real files
// (sshd/sudo/pam auth.log, combined access logs, CERT CSV, ECS JSON lines), deterministic, so
// runs compare. EVTX is built from the chunks of the real attack samples.

const users = Array.from({ length: 400 }, (_, index) => `user${String(index).padStart(3, '0')}`)
const hosts = Array.from({ length: 60 }, (_, index) => `ws-${String(index).padStart(2, '0')}`)
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T
}

function ip(next: () => number): string {
  return `10.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}.${Math.floor(next() * 254) + 1}`
}

const start = Date.UTC(2024, 0, 1)

async function writeLines(file: string, count: number, line: (index: number, next: () => number) => string, header?: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true })
  const out = createWriteStream(file)
  const next = random(42)
  if (header) out.write(`${header}\n`)
  let buffer = ''
  for (let index = 0; index < count; index += 1) {
    buffer += `${line(index, next)}\n`
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  out.end(buffer)
  await once(out, 'finish')
}

function syslogLine(index: number, next: () => number): string {
  const ts = new Date(start + index * 25)
  const stamp = `${months[ts.getUTCMonth()]} ${String(ts.getUTCDate()).padStart(2, ' ')} ${ts.toISOString().slice(11, 19)}`
  const user = pick(next, users)
  const host = pick(next, hosts)
  const roll = next()
  if (roll < 0.35) return `${stamp} ${host} sshd[${1000 + (index % 9000)}]: Accepted publickey for ${user} from ${ip(next)} port ${40000 + (index % 20000)} ssh2`
  if (roll < 0.55) return `${stamp} ${host} sshd[${1000 + (index % 9000)}]: Failed password for ${user} from ${ip(next)} port ${40000 + (index % 20000)} ssh2`
  if (roll < 0.7) return `${stamp} ${host} sshd[${1000 + (index % 9000)}]: pam_unix(sshd:session): session opened for user ${user} by (uid=0)`
  if (roll < 0.8) return `${stamp} ${host} sudo:   ${user} : TTY=pts/${index % 9} ; PWD=/home/${user} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`
  if (roll < 0.9) return `${stamp} ${host} CRON[${2000 + (index % 5000)}]: pam_unix(cron:session): session closed for user root`
  return `${stamp} ${host} kernel: [${(index / 10).toFixed(6)}] IPv4: martian source ${ip(next)} from ${ip(next)}, on dev eth0`
}

function accessLine(index: number, next: () => number): string {
  const ts = new Date(start + index * 25)
  const day = String(ts.getUTCDate()).padStart(2, '0')
  const stamp = `${day}/${months[ts.getUTCMonth()]}/${ts.getUTCFullYear()}:${ts.toISOString().slice(11, 19)} +0000`
  const user = next() < 0.3 ? pick(next, users) : '-'
  const method = next() < 0.85 ? 'GET' : 'POST'
  const path = pick(next, ['/index.html', '/api/v1/orders', '/login', '/static/app.js', '/reports/q3.pdf', '/admin/users'])
  const status = pick(next, [200, 200, 200, 200, 302, 304, 401, 404, 500])
  return `${ip(next)} - ${user} [${stamp}] "${method} ${path}?id=${index % 997} HTTP/1.1" ${status} ${Math.floor(next() * 50_000)} "https://intranet.example/" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"`
}

function certDate(ms: number): string {
  const date = new Date(ms)
  const two = (value: number): string => String(value).padStart(2, '0')
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${date.toISOString().slice(11, 19)}`
}

function certLogonLine(index: number, next: () => number): string {
  const activity = next() < 0.5 ? 'Logon' : 'Logoff'
  return `{${index.toString(16).toUpperCase().padStart(8, '0')}-A1B2-C3D4-E5F6-000000000000},${certDate(start + index * 25)},DTAA/${pick(next, users).toUpperCase()},PC-${Math.floor(next() * 4000)},${activity}`
}

function ecsLine(index: number, next: () => number): string {
  const user = pick(next, users)
  const failed = next() < 0.2
  return JSON.stringify({
    '@timestamp': new Date(start + index * 25).toISOString(),
    event: { category: ['authentication'], action: 'logged-in', outcome: failed ? 'failure' : 'success' },
    user: { name: user, domain: 'CORP' },
    host: { name: pick(next, hosts) },
    source: { ip: ip(next), port: 40000 + (index % 20000) },
    ecs: { version: '8.11.0' },
  })
}

export interface Corpus {
  name: string
  path: string
  /** Events the corpus holds (for EVTX: records, per the reference parser's counts). */
  events: number
}

export async function buildCorpus(folder: string, events: number, evtxSamples: string | null): Promise<Corpus[]> {
  const corpora: Corpus[] = [
    { name: 'syslog (RFC 3164 auth.log)', path: join(folder, 'auth.log'), events },
    { name: 'web access (combined)', path: join(folder, 'access.log'), events },
    { name: 'CERT logon.csv', path: join(folder, 'logon.csv'), events },
    { name: 'ECS JSON lines', path: join(folder, 'ecs.ndjson'), events },
  ]
  const writers: Record<string, () => Promise<void>> = {
    'auth.log': () => writeLines(corpora[0]!.path, events, syslogLine),
    'access.log': () => writeLines(corpora[1]!.path, events, accessLine),
    'logon.csv': () => writeLines(corpora[2]!.path, events, certLogonLine, 'id,date,user,pc,activity'),
    'ecs.ndjson': () => writeLines(corpora[3]!.path, events, ecsLine),
  }
  for (const corpus of corpora) {
    const marker = `${corpus.path}.${events}.done`
    if (existsSync(marker)) continue
    await writers[corpus.path.slice(folder.length + 1)]!()
    writeFileSync(marker, '')
  }
  if (evtxSamples) corpora.push(buildEvtxFiles(join(folder, 'evtx'), evtxSamples, events))
  return corpora
}

/**
 * Large .evtx files built from the real samples: a real file header followed by the 64 KiB chunks
 * of every sample, repeated. Chunks are self-contained (their own templates and checksums), and
 * Argus finds chunks by scanning, so this reads like a big Security.evtx copied off a server.
 */
function buildEvtxFiles(folder: string, samples: string, events: number): Corpus {
  const stats = JSON.parse(readFileSync(join(samples, 'EVTX_STATS.json'), 'utf8')) as Record<string, { ok: number }>
  const files = listEvtx(samples)
  const perRound = files.reduce((sum, file) => sum + (stats[relative(samples, file)]?.ok ?? 0), 0)
  const roundsPerFile = 10
  const outputs = Math.max(1, Math.ceil(events / (perRound * roundsPerFile)))
  const marker = join(folder, `.${outputs}x${roundsPerFile}.done`)
  if (!existsSync(marker)) {
    rmSync(folder, { recursive: true, force: true })
    mkdirSync(folder, { recursive: true })
    const header = readFileSync(files[0]!).subarray(0, 4096)
    const chunks = files.flatMap((file) => {
      const bytes = readFileSync(file)
      const slots: Buffer[] = []
      for (let offset = 4096; offset + 65536 <= bytes.length; offset += 65536) slots.push(bytes.subarray(offset, offset + 65536))
      return slots
    })
    for (let output = 0; output < outputs; output += 1) {
      const unique = Buffer.from(header)
      // Bytes 128..4095 of the header are unused padding outside its checksum: one per file keeps hashes apart.
      unique.writeUInt32LE(output + 1, 200)
      const parts: Buffer[] = [unique]
      for (let round = 0; round < roundsPerFile; round += 1) parts.push(...chunks)
      writeFileSync(join(folder, `Security-${output}.evtx`), Buffer.concat(parts))
    }
    writeFileSync(marker, '')
  }
  return { name: `EVTX (${outputs} files of ${roundsPerFile} × the ${files.length} real samples' chunks)`, path: folder, events: perRound * roundsPerFile * outputs }
}

function listEvtx(folder: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) found.push(...listEvtx(path))
    else if (name.endsWith('.evtx')) found.push(path)
  }
  return found
}
