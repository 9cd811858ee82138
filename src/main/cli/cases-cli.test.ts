import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../store/database'
import { addImport, folderPerTest } from '../store/test-workspace'
import { main } from './main'
import { captureConsole } from './test-console'

const folder = folderPerTest()
const { output, errors } = captureConsole()

/** The sqlite3 shell, as someone tampering with the file would use it. */
function sqlite3(db: string, statements: string): string {
  return execFileSync('sqlite3', [db, statements], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

async function workspaceWithEvents(db: string): Promise<void> {
  const workspace = await openWorkspace(db)
  addImport(workspace, 'auth.log', [
    { ts: Date.UTC(2024, 4, 1, 9), user: 'alice', host: 'ws,1' },
    { ts: Date.UTC(2024, 4, 1, 10), user: 'bob' },
  ])
  await workspace.close()
}

describe('argus audit verify', () => {
  it('says the chain is whole, then names the entry someone rewrote with the sqlite3 shell', async () => {
    const db = folder.file('audit.db')
    expect(await main(['call', 'cases:create', '{"title": "Alice"}', '--db', db])).toBe(0)
    expect(await main(['call', 'cases:addNote', '{"caseId": 1, "body": "copied 4 GB to USB"}', '--db', db])).toBe(0)
    output.length = 0
    expect(await main(['audit', 'verify', '--db', db])).toBe(0)
    expect(output).toEqual([expect.stringMatching(/^audit chain whole: 3 entries, head [0-9a-f]{64}$/)])

    // The append-only trigger stops a plain update; an attacker drops it first.
    expect(() => sqlite3(db, `update audit_log set details = '{}' where id = 2`)).toThrow(/append-only/)
    sqlite3(db, `drop trigger audit_log_no_update; update audit_log set details = '{"caseId":1,"title":"Nothing to see"}' where id = 2;`)
    expect(sqlite3(db, 'select details from audit_log where id = 2')).toContain('Nothing to see')

    output.length = 0
    expect(await main(['audit', 'verify', '--db', db])).toBe(1)
    expect(output[0]).toMatch(/^audit chain BROKEN at entry #2:/)
  })

  it('refuses a missing workspace and an unknown subcommand', async () => {
    expect(await main(['audit', 'verify', '--db', folder.file('missing.db')])).toBe(1)
    expect(errors.at(-1)).toMatch(/not_found: no workspace at/)
    expect(await main(['audit', 'fix', '--db', folder.file('missing.db')])).toBe(2)
  })
})

describe('argus export', () => {
  it('streams events to a CSV file and alerts to a JSON file', async () => {
    const db = folder.file('export.db')
    await workspaceWithEvents(db)
    const csv = folder.file('events.csv')
    expect(await main(['export', 'events', '--format', 'csv', '--out', csv, '--db', db])).toBe(0)
    expect(output).toEqual([`exported 2 events to ${csv}`])
    const lines = readFileSync(csv, 'utf8').split('\r\n')
    expect(lines[0]).toMatch(/^@timestamp,event\.id,user\.name,host\.name,/)
    expect(lines[1]).toMatch(/^2024-05-01T09:00:00\.000Z,1,alice,"ws,1",/)
    expect(lines).toHaveLength(4)

    const json = folder.file('bob.json')
    expect(await main(['export', 'events', '--format', 'json', '--user', 'bob', '--out', json, '--db', db])).toBe(0)
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual([expect.objectContaining({ user: { name: 'bob' } })])
    expect(await main(['export', 'alerts', '--format', 'json', '--out', folder.file('alerts.json'), '--db', db])).toBe(0)
    expect(JSON.parse(readFileSync(folder.file('alerts.json'), 'utf8'))).toEqual([])
  })

  it.each([
    [['export', 'hosts', '--format', 'csv', '--out', 'x'], /export needs what to export/],
    [['export', 'events', '--format', 'xml', '--out', 'x'], /--format must be csv or json/],
    [['export', 'events', '--format', 'csv'], /needs --out FILE/],
    [['export', 'alerts', '--format', 'csv', '--out', 'x', '--case', 'first'], /--case must be a case number/],
  ])('exits 2 for %j', async (argv, message) => {
    expect(await main(argv)).toBe(2)
    expect(errors[0]).toMatch(message)
  })
})

describe('argus backup and restore', () => {
  it('backs a workspace up and restores it into another file', async () => {
    const db = folder.file('work.db')
    await workspaceWithEvents(db)
    const copy = folder.file('work-backup.db')
    expect(await main(['backup', '--out', copy, '--db', db])).toBe(0)
    expect(output[0]).toMatch(new RegExp(`^backed up .*work\\.db to .*work-backup\\.db: \\d+ bytes, audit head [0-9a-f]{64}$`))

    const restored = folder.file('restored.db')
    output.length = 0
    expect(await main(['restore', copy, '--db', restored])).toBe(0)
    expect(output[0]).toMatch(/^restored .*work-backup\.db to .*restored\.db: schema \d{4}-[\w-]+, 2 events$/)
    expect(output[1]).toMatch(/^audit chain whole: \d+ entries/)
    expect(sqlite3(restored, 'select count(*) from events').trim()).toBe('2')
  })

  it('refuses to restore a file that is not an Argus workspace', async () => {
    const junk = folder.file('junk.db')
    writeFileSync(junk, 'not a database at all, just text\n'.repeat(100))
    expect(await main(['restore', junk, '--db', folder.file('target.db')])).toBe(2)
    expect(errors[0]).toMatch(/is not an Argus workspace/)
    expect(await main(['restore', '--db', folder.file('target.db')])).toBe(2)
  })
})
