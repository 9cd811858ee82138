import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { genericCsvParser, openGenericCsv } from './csv-generic'
import { type FieldMapping, type ParseOutcome, isFileError } from './types'

const here = fileURLToPath(import.meta.url)
const fixtures = resolve(here, '..', 'fixtures', 'csv')
const repoRoot = resolve(here, '..', '..', '..', '..')
const honeyBucketZip = resolve(repoRoot, '..', 'shared', 'data', 'otrf-security-datasets', 'datasets', 'atomic', 'aws', 'discovery', 'aws_s3_honeybucketlogs.zip')
const honeyBucketAvailable = existsSync(honeyBucketZip)

function parseLines(lines: readonly string[], mapping: FieldMapping | undefined, timeZone = 'UTC'): ParseOutcome[] {
  const parser = openGenericCsv({ name: 'x.csv', year: null, fileTime: null, timeZone, mapping })
  return [...lines.map((line, index) => parser.parse(line, index + 1)), parser.finish()]
}

const vpnLines = readFileSync(resolve(fixtures, 'generic-vpn.csv'), 'utf8').replace(/\n$/, '').split('\n')
const vpnMapping: FieldMapping = { ts: 'When', user: 'Who', srcIp: 'where from', action: 'What', outcome: 'Result', bytes: 'Bytes Out' }

describe('genericCsvParser', () => {
  it('reads mapped columns (exact or normalized names) and keeps the rest in attrs', () => {
    const [header, first, second, third] = parseLines(vpnLines, vpnMapping, 'America/Chicago')
    expect(header).toBeNull()
    expect(first).toEqual({
      ts: Date.UTC(2024, 1, 5, 8, 1, 12),
      user: 'alice',
      host: null,
      srcIp: '192.0.2.10',
      dstIp: null,
      category: 'system',
      action: 'vpn_connect',
      outcome: 'success',
      object: null,
      bytes: 0,
      amount: null,
      attrs: { gateway: 'gw-1', rawAction: 'VPN Connect', rawUser: 'CORP\\alice' },
    })
    expect(second).toMatchObject({ ts: 1707120000000, user: 'bob', action: 'vpn_connect', outcome: 'failure', bytes: null })
    // Offset-less: wall clock in Chicago (UTC-6 in February).
    expect(third).toMatchObject({ ts: Date.UTC(2024, 1, 5, 14, 3, 0), category: 'authentication', action: 'logon', bytes: 1024 })
  })

  it('refuses a mapping that names a missing column, or no mapping at all', () => {
    const [missing] = parseLines(vpnLines, { ...vpnMapping, host: 'Server' })
    expect(missing).toEqual({ fileError: "mapped column 'Server' (for host) is not in the header: When, Who, Where From, What, Result, Bytes Out, Gateway" })
    const [none] = parseLines(vpnLines, undefined)
    expect(isFileError(none!) && none.fileError).toMatch(/^generic-csv needs a field mapping \(normalized field → column name\): missing ts and action;/)
    expect(genericCsvParser.sniff({ name: 'x.csv', head: new Uint8Array(), lines: vpnLines })).toBe(0)
  })

  it.skipIf(!honeyBucketAvailable)('reads every row of a real S3 honey-bucket export (needs ../shared/data)', () => {
    const text = execFileSync('unzip', ['-p', honeyBucketZip], { encoding: 'utf8' })
    const lines = text.replace(/\r?\n$/, '').split(/\r\n|\r|\n/)
    const outcomes = parseLines(lines, { ts: 'Event DateTime', action: 'Event Name', srcIp: 'Source IP' }).filter((outcome) => outcome !== null)
    // Ground truth counted with Python's csv module: 301 rows; HeadBucket 159, ListObjects 138, PutObject 4.
    expect(outcomes).toHaveLength(301)
    const events = outcomes as NormalizedEvent[]
    const count = (action: string): number => events.filter((event) => event.action === action).length
    expect([count('headbucket'), count('listobjects'), count('putobject')]).toEqual([159, 138, 4])
    expect(events[0]).toMatchObject({
      ts: Date.parse('2022-02-18T17:34:57Z'),
      srcIp: '177.131.167.145',
      attrs: { eventType: 'AwsApiCall', requestId: 'E2E91AQVN6DJHZ91', repeatedAttempts: 4, requestParameters: "{'bucketName': 'microsoft-devtest', 'Host': 'microsoft-devtest.s3-eu-west-1.amazonaws.com'}" },
    })
  })
})
