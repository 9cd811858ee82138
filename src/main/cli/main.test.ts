import { mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { folderPerTest } from '../store/test-workspace'
import { main } from './main'
import { captureConsole } from './test-console'
import { latestMigration } from '../store/migrations'

const folder = folderPerTest()
const { output, errors } = captureConsole({ stdout: true })

describe('argus CLI', () => {
  it('makes a contract call against a workspace file and prints JSON', async () => {
    const db = folder.file('cli.db')
    expect(await main(['call', 'workspace:info', '--db', db])).toBe(0)
    expect(JSON.parse(output.join(''))).toMatchObject({ path: db, schemaVersion: latestMigration })
  })

  it('refuses a malformed request with the typed error and exit code 2', async () => {
    expect(await main(['call', 'events:list', '{"limit": -1}', '--db', folder.file('cli.db')])).toBe(2)
    expect(errors).toEqual([expect.stringMatching(/^argus: bad_request: events:list: limit: Too small/)])
  })

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['serve', '--port', 'eighty'], /--port must be a whole number/],
    [['serve', '--colour'], /Unknown option '--colour'/],
    [['analyze'], /needs at least one PATH/],
    [['analyze', '/no/such/place'], /no such file or folder: \/no\/such\/place/],
    [['call', 'events:list', '{not json'], /not valid JSON/],
  ])('exits 2 with a one-line usage error for %j', async (argv, message) => {
    expect(await main(argv)).toBe(2)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it('imports a real log file and reports what came in', async () => {
    const log = folder.file('auth.log')
    writeFileSync(log, 'Mar  3 10:00:00 web01 sshd[7]: Accepted password for alice from 192.0.2.1 port 22 ssh2\nnot a syslog line\n')
    expect(await main(['ingest', log, '--db', folder.file('cli.db'), '--year', '2024'])).toBe(0)
    expect(output.join('\n')).toMatch(/done\s+linux-syslog\s+1 events, 1 rejects\s+.*auth\.log/)
    expect(output.join('\n')).toContain('done: 1 events, 1 rejects from 1 files')
  })

  it('reads a generic CSV through a field mapping, saved for the next import of that format', async () => {
    const first = folder.file('vpn-1.csv')
    const second = folder.file('vpn-2.csv')
    writeFileSync(first, 'When,Account,What\n2024-05-01T08:00:00Z,CORP\\Alice,vpn_login\n')
    writeFileSync(second, 'When,Account,What\n2024-05-02T08:00:00Z,bob,vpn_login\n')
    const db = folder.file('cli.db')
    expect(await main(['ingest', first, '--db', db, '--format', 'generic-csv', '--mapping', 'ts=When,user=Account,action=What'])).toBe(0)
    expect(await main(['ingest', second, '--db', db, '--format', 'generic-csv'])).toBe(0)
    expect(output.filter((line) => line.startsWith('done ')).map((line) => line.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^done generic-csv 1 events, 0 rejects .*vpn-1\.csv$/),
      expect.stringMatching(/^done generic-csv 1 events, 0 rejects .*vpn-2\.csv$/),
    ])
    expect(await main(['ingest', second, '--db', db, '--format', 'generic-csv', '--mapping', 'when=When'])).toBe(2)
    expect(errors.at(-1)).toMatch(/bad_request: imports:start: mapping/)
  })

  it('exits 1 when nothing could be imported', async () => {
    const junk = folder.file('junk.bin')
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 4, 5, 0xff]))
    expect(await main(['ingest', junk, '--db', folder.file('cli.db')])).toBe(1)
    expect(output.join('\n')).toMatch(/failed .*binary content that no parser recognizes/)
  })

  it('analyze --json prints exactly one JSON document', async () => {
    const log = folder.file('auth.log')
    writeFileSync(log, 'Mar  3 10:00:00 web01 sshd[7]: Failed password for bob from 192.0.2.9 port 22 ssh2\n')
    expect(await main(['analyze', log, '--db', folder.file('cli.db'), '--year', '2024', '--json'])).toBe(0)
    expect(output).toHaveLength(1)
    const document = JSON.parse(output[0] ?? '')
    expect(document).toMatchObject({ events: 1, rejected: 0, files: [{ path: log, format: 'linux-syslog', events: 1, rejected: 0 }] })
    expect(document.users).toEqual([
      {
        user: 'bob',
        risk: expect.any(Number),
        severity: expect.stringMatching(/^(high|medium|low)$/),
        types: expect.any(Array),
        days: [{ date: '2024-03-03', score: expect.any(Number), severity: expect.any(String), types: expect.any(Array), detectors: {
          baseline: expect.any(Number), markov: expect.any(Number), iforest: expect.any(Number), rules: expect.any(Number), ocean: expect.any(Number),
        } }],
      },
    ])
  })

  it('puts year-less auth.log lines in the year of the JSON logs imported with them, not the file’s year', async () => {
    const logs = folder.file('logs')
    mkdirSync(logs)
    // Read first in folder order, so it waits for the dated file; gzipped, so it waits as a spooled copy.
    writeFileSync(`${logs}/auth.log.gz`, gzipSync('Mar  3 10:00:00 web01 sshd[7]: Accepted password for alice from 192.0.2.1 port 22 ssh2\n'))
    writeFileSync(`${logs}/ecs.ndjson`, '{"@timestamp":"2024-03-03T09:00:00Z","ecs":{"version":"8.11.0"},"event":{"category":["authentication"],"action":"logged-in","outcome":"success"},"user":{"name":"bob"}}\n')
    expect(await main(['analyze', logs, '--db', folder.file('cli.db'), '--json'])).toBe(0)
    const document = JSON.parse(output[0] ?? '')
    expect(document.files.map((file: { format: string }) => file.format)).toEqual(['ecs-json', 'linux-syslog'])
    const dates = Object.fromEntries(document.users.map((user: { user: string; days: { date: string }[] }) => [user.user, user.days.map((day) => day.date)]))
    expect(dates).toEqual({ alice: ['2024-03-03'], bob: ['2024-03-03'] })

    // Dropped in on its own later, an auth.log takes the year of the workspace's events.
    const later = folder.file('later.log')
    writeFileSync(later, 'Mar  5 11:00:00 web01 sshd[9]: Accepted password for carol from 192.0.2.7 port 22 ssh2\n')
    output.length = 0
    expect(await main(['analyze', later, '--db', folder.file('cli.db'), '--json'])).toBe(0)
    const carol = JSON.parse(output[0] ?? '').users.find((user: { user: string }) => user.user === 'carol')
    expect(carol.days.map((day: { date: string }) => day.date)).toEqual(['2024-03-05'])
  })

  it('prints the version and the help', async () => {
    expect(await main(['version'])).toBe(0)
    expect(output.join('')).toMatch(/^\d+\.\d+\.\d+/)
    output.length = 0
    expect(await main(['--help'])).toBe(0)
    expect(output.join('')).toContain('Usage: argus <command>')
  })
})
