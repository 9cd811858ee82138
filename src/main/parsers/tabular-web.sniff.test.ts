// Every sniff of the JSON, CSV and web-server parsers over every fixture (and the real samples in
// ../shared/data when present): the right parser wins, and none claims another's files.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { apacheErrorParser } from './apache-error'
import { certInsiderParser } from './cert-insider'
import { genericCsvParser } from './csv-generic'
import { sessionCsvParser } from './csv-sessions'
import { transactionCsvParser } from './csv-transactions'
import { ecsJsonParser } from './ecs-json'
import { genericJsonParser } from './generic-json'
import type { LogParser, Sample } from './types'
import { webAccessParser } from './web-access'
import { windowsJsonParser } from './windows-json'

const here = fileURLToPath(import.meta.url)
const fixtures = resolve(here, '..', 'fixtures')
const data = resolve(here, '..', '..', '..', '..', '..', 'shared', 'data')

const ours: readonly LogParser[] = [
  ecsJsonParser,
  genericJsonParser,
  certInsiderParser,
  sessionCsvParser,
  transactionCsvParser,
  genericCsvParser,
  webAccessParser,
  apacheErrorParser,
]

/** What ingest gives sniffing: the name, the first 64 KiB, at most 200 decoded lines. */
function sampleOf(name: string, bytes: Uint8Array): Sample {
  const head = bytes.subarray(0, 64 * 1024)
  const lines = new TextDecoder().decode(head).split(/\r\n|\r|\n/).slice(0, 200)
  return { name, head, lines }
}

function scores(sample: Sample): Record<string, number> {
  return Object.fromEntries(ours.map((parser) => [parser.name, parser.sniff(sample)]))
}

function winner(sample: Sample): { name: string; score: number } {
  let best = { name: 'none', score: 0 }
  for (const parser of ours) {
    const score = parser.sniff(sample)
    if (score > best.score) best = { name: parser.name, score }
  }
  return best
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => resolve(entry.parentPath, entry.name))
}

/**
 * The parser each of our fixtures belongs to; 'none' = no parser of ours may claim it (≥ 0.5);
 * 'fallback' = ECS wins, but at 0.45 at most, below windows-json's claim on Windows events.
 */
const expected: Readonly<Record<string, string>> = {
  'json/ecs-filebeat-auth.ndjson': 'ecs-json',
  'json/ecs-flattened.json': 'ecs-json',
  'json/ecs-other-vocabularies.ndjson': 'ecs-json',
  'json/winlogbeat-security.ndjson': 'fallback',
  'json/logstash-cloudtrail.ndjson': 'none',
  'csv/generic-vpn.csv': 'none',
  'csv/sessions-timestamped.csv': 'session-csv',
  'csv/sessions-no-timestamp.csv': 'session-csv',
  'csv/transactions.csv': 'transaction-csv',
  'csv/transactions-paysim.csv': 'transaction-csv',
  'web/access-combined.log': 'web-access',
  'web/access-common.log': 'web-access',
  'web/access-vhost.log': 'web-access',
  'web/error-2.2.log': 'apache-error',
  'web/error-2.4.log': 'apache-error',
}

function expectedFor(path: string): string {
  return expected[path] ?? (path.startsWith('csv/cert-') ? 'cert-insider' : 'unlisted')
}

function check(name: string, bytes: Uint8Array, owner: string): void {
  const sample = sampleOf(name, bytes)
  const best = winner(sample)
  if (owner === 'fallback') {
    expect(best, `${name}: ${JSON.stringify(scores(sample))}`).toEqual({ name: 'ecs-json', score: 0.45 })
  } else if (owner === 'none') {
    expect(best.score, `${name}: ${JSON.stringify(scores(sample))}`).toBeLessThan(0.5)
  } else {
    expect(best.name, `${name}: ${JSON.stringify(scores(sample))}`).toBe(owner)
    expect(best.score, name).toBeGreaterThanOrEqual(0.6)
  }
}

describe('sniffing JSON, CSV and web-server logs', () => {
  const ownFixtures = ['json', 'csv', 'web'].flatMap((folder) => filesUnder(resolve(fixtures, folder)))

  it('has an owner listed for every fixture of ours', () => {
    expect(ownFixtures).toHaveLength(29)
    expect(ownFixtures.map((path) => relative(fixtures, path)).filter((path) => expectedFor(path) === 'unlisted')).toEqual([])
  })

  it('picks the right parser for every fixture of ours', () => {
    for (const path of ownFixtures) check(relative(fixtures, path), readFileSync(path), expectedFor(relative(fixtures, path)))
  })

  it('claims none of the other parsers’ fixtures', () => {
    const others = filesUnder(fixtures).filter((path) => !/^(json|csv|web)\//.test(relative(fixtures, path)))
    for (const path of others) check(relative(fixtures, path), readFileSync(path), 'none')
  })

  it('lets windows-json outrank ecs-json on every Windows JSON export', () => {
    const windowsFiles = [...filesUnder(resolve(fixtures, 'windows-json')).filter((path) => path.endsWith('.json')), resolve(fixtures, 'json', 'winlogbeat-security.ndjson')]
    expect(windowsFiles.length).toBeGreaterThan(1)
    for (const path of windowsFiles) {
      const sample = sampleOf(relative(fixtures, path), readFileSync(path))
      expect(ecsJsonParser.sniff(sample), sample.name).toBeLessThan(windowsJsonParser.sniff(sample))
    }
  })

  it('uses the file name as nothing more than a hint', () => {
    const access = readFileSync(resolve(fixtures, 'web', 'access-combined.log'))
    expect(winner(sampleOf('logon.csv', access)).name).toBe('web-access')
    const logon = readFileSync(resolve(fixtures, 'csv', 'cert-r42-logon.csv'))
    expect(winner(sampleOf('access.log', logon)).name).toBe('cert-insider')
  })

  it.skipIf(!existsSync(resolve(data, 'loghub')))('claims only the Apache error log among loghub samples (needs ../shared/data)', () => {
    for (const system of readdirSync(resolve(data, 'loghub'))) {
      const log = resolve(data, 'loghub', system, `${system}_2k.log`)
      if (!existsSync(log)) continue
      check(`loghub/${system}`, readFileSync(log), system === 'Apache' ? 'apache-error' : 'none')
    }
  })

  it.skipIf(!existsSync(resolve(data, 'otrf-security-datasets')))('leaves Windows JSON recordings to windows-json (needs ../shared/data)', () => {
    const atomic = resolve(data, 'otrf-security-datasets', 'datasets', 'atomic')
    const recordings = [
      'windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip',
      'windows/discovery/host/cmd_seatbelt_group_user.zip',
      'windows/lateral_movement/host/schtask_create.zip',
      'windows/persistence/host/empire_persistence_registry_modification_run_keys_elevated_user.zip',
      'aws/collection/ec2_proxy_s3_exfiltration.zip',
      'aws/discovery/aws_s3_honeybucketlogs.zip',
    ]
    for (const recording of recordings) {
      // The first 64 KiB of the one file inside each zip, as sniffing would see it.
      const bytes = execFileSync('sh', ['-c', `unzip -p "$1" | head -c 65536`, 'sh', resolve(atomic, recording)])
      check(recording, bytes, 'none')
      if (recording.startsWith('windows/')) expect(ecsJsonParser.sniff(sampleOf(recording, bytes)), recording).toBeLessThan(0.9)
    }
  })
})
