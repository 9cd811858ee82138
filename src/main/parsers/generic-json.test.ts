import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { genericJsonParser } from './generic-json'
import { type FieldMapping, isFileError, isRejection } from './types'

const here = fileURLToPath(import.meta.url)
const fixtures = resolve(here, '..', 'fixtures', 'json')
const repoRoot = resolve(here, '..', '..', '..', '..')
const cloudTrailZip = resolve(repoRoot, '..', 'shared', 'data', 'otrf-security-datasets', 'datasets', 'atomic', 'aws', 'collection', 'ec2_proxy_s3_exfiltration.zip')
const cloudTrailAvailable = existsSync(cloudTrailZip)

const cloudTrailMapping: FieldMapping = {
  ts: '@timestamp',
  user: 'userIdentity.userName',
  srcIp: 'sourceIPAddress',
  action: 'eventName',
  object: 'eventSource',
  category: 'eventType',
}

function open(mapping: FieldMapping | undefined) {
  return genericJsonParser.open({ name: 'x.json', year: null, fileTime: null, timeZone: 'UTC', mapping })
}

describe('genericJsonParser', () => {
  const lines = readFileSync(resolve(fixtures, 'logstash-cloudtrail.ndjson'), 'utf8').split('\n').filter((line) => line !== '')

  it('reads mapped fields through nested paths, ISO and epoch times', () => {
    const parser = open(cloudTrailMapping)
    const [first, second, third, fourth] = lines.map((line, index) => parser.parse(line, index + 1))
    expect(first).toEqual({
      ts: Date.UTC(2023, 2, 14, 11, 0, 0),
      user: 'svc-backup',
      host: null,
      srcIp: '198.51.100.7',
      dstIp: null,
      category: 'system',
      action: 'getobject',
      outcome: 'unknown',
      object: 's3.amazonaws.com',
      bytes: null,
      amount: null,
      attrs: { rawAction: 'GetObject', '@version': '1', awsRegion: 'eu-west-1' },
    })
    expect(second).toMatchObject({ action: 'consolelogin', user: 'alice', srcIp: '203.0.113.50' })
    expect(third).toMatchObject({ ts: 1678791610000, action: 'putobject' })
    // An offset-less time is wall clock in the import's zone, as in CSV.
    expect(fourth).toMatchObject({ ts: Date.UTC(2023, 2, 14, 11, 0, 20) })
    const newYork = genericJsonParser.open({ name: 'x.json', year: null, fileTime: null, timeZone: 'America/New_York', mapping: cloudTrailMapping })
    expect(newYork.parse(lines[3]!, 4)).toMatchObject({ ts: Date.UTC(2023, 2, 14, 15, 0, 20) })
    expect(parser.parse('{"@timestamp":"2023-03-14","eventName":"x"}', 5)).toEqual({ reject: "unreadable time '2023-03-14'" })
  })

  it('maps words onto the vocabulary, categories and outcomes', () => {
    const parser = open({ ts: 't', action: 'what', category: 'kind', outcome: 'result', bytes: 'size' })
    const event = parser.parse('{"t":"2024-01-01T00:00:00Z","what":"Logon Failed","kind":"Authentication","result":"DENIED","size":"12"}', 1)
    expect(event).toMatchObject({ action: 'logon_failed', category: 'authentication', outcome: 'failure', bytes: 12, attrs: { rawAction: 'Logon Failed' } })
    const other = parser.parse('{"t":1704067200000,"what":"http_request","kind":"weird","result":"maybe"}', 2)
    expect(other).toMatchObject({ action: 'http_request', category: 'web', outcome: 'unknown', attrs: { rawCategory: 'weird', rawOutcome: 'maybe' } })
    expect(parser.parse('{"t":1704067200000}', 3)).toEqual({ reject: 'no action' })
    expect(parser.parse('[1,2]', 4)).toEqual({ reject: 'not a JSON object' })
  })

  it('asks for a mapping, naming the fields, and never sniffs', () => {
    const outcome = open(undefined).parse(lines[0] ?? '', 1)
    expect(isFileError(outcome) && outcome.fileError).toBe(
      'generic-json needs a field mapping (normalized field → JSON dot path): missing ts and action; required: ts (ISO 8601 with offset, or epoch seconds/ms) and action; optional: user, host, srcIp, dstIp, category, outcome, object, bytes, amount',
    )
    const partial = open({ ts: '@timestamp' }).parse(lines[0] ?? '', 1)
    expect(isFileError(partial) && partial.fileError).toMatch(/^generic-json needs a field mapping \(normalized field → JSON dot path\): missing action;/)
    expect(genericJsonParser.sniff({ name: 'a.json', head: new Uint8Array(), lines })).toBe(0)
  })

  it.skipIf(!cloudTrailAvailable)('reads every record of a real CloudTrail export (needs ../shared/data)', () => {
    const text = execFileSync('unzip', ['-p', cloudTrailZip], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const records = text.split('\n').filter((line) => line.trim() !== '')
    // Ground truth from the file itself (counted with Python's json module): 103 records, 87 by pedro.
    expect(records).toHaveLength(103)
    const parser = open(cloudTrailMapping)
    const events = records.map((record, index) => parser.parse(record, index + 1))
    expect(events.filter((event) => isRejection(event) || isFileError(event))).toEqual([])
    const typed = events as NormalizedEvent[]
    expect(typed.filter((event) => event.user === 'pedro')).toHaveLength(87)
    expect(typed[0]).toMatchObject({ ts: Date.parse('2020-09-14T00:44:23.000Z'), action: 'describeinstancetypes', srcIp: '1.2.3.4', object: 'ec2.amazonaws.com' })
  })
})
