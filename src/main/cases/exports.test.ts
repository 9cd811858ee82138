import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../store/database'
import { verifyAuditChain } from '../store/queries/audit'
import { writeSetting } from '../store/queries/settings'
import { addImport, folderPerTest } from '../store/test-workspace'
import { recordChange } from './audited'
import { csvCell } from './export-format'
import { exportFile, exportToFile } from './exports'
import { addScoredDay } from './test-evidence'

const folder = folderPerTest()
const may1 = Date.UTC(2024, 4, 1, 9)

/** A workspace with a file copy, a web request and a logon whose fields need CSV quoting. */
async function seeded(): Promise<Workspace> {
  const workspace = await openWorkspace(folder.file('export.db'))
  writeSetting(workspace.sqlite, 'workspace.analyst', 'dana')
  addImport(workspace, 'mixed.log', [
    { ts: may1, user: "o'neil", host: 'ws,1', category: 'file', action: 'file_copy', object: 'E:\\say "hi",\nnow.txt', bytes: 4096, attrs: { drive: 'E:' } },
    { ts: may1 + 1000, user: 'bob', srcIp: '10.0.0.2', dstIp: '203.0.113.9', category: 'web', action: 'http_request', object: 'https://files.example/up', bytes: 512 },
    { ts: may1 + 2000, user: 'bob', host: 'dc1', outcome: 'failure', action: 'logon_failed' },
  ])
  workspace.sqlite.prepare(`insert into tags (target, key, tag, author, added_at) values ('event', '1', 'usb', 'dana', 1)`).run()
  return workspace
}

const eventHeader =
  '@timestamp,event.id,user.name,host.name,source.ip,destination.ip,event.category,event.action,event.outcome,' +
  'file.path,url.original,process.command_line,email.to.address,argus.object,file.size,network.bytes,argus.amount,tags,' +
  'log.file.path,argus.source.entry,argus.source.id,argus.source.line,argus.attrs'

describe('exports', () => {
  it('quotes CSV cells as RFC 4180 says', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', null, 3.5, ['x', 'y']].map(csvCell)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      '',
      '3.5',
      '"[""x"",""y""]"',
    ])
  })

  it('writes events as CSV with ECS column names, a header row and CRLF records', async () => {
    const workspace = await seeded()
    const file = exportFile(workspace, 'events', 'csv', {})
    expect(file).toMatchObject({ fileName: 'argus-events.csv', mimeType: 'text/csv', encoding: 'utf8', rows: 3, truncated: false })
    const lines = file.data.split('\r\n')
    expect(lines[0]).toBe(eventHeader)
    expect(lines[1]).toBe(
      `2024-05-01T09:00:00.000Z,1,o'neil,"ws,1",,,file,file_copy,success,"E:\\say ""hi"",\nnow.txt",,,,,4096,,,"[""usb""]",mixed.log,,1,1,"{""drive"":""E:""}"`,
    )
    expect(lines[2]).toBe('2024-05-01T09:00:01.000Z,2,bob,,10.0.0.2,203.0.113.9,web,http_request,success,,https://files.example/up,,,,,512,,[],mixed.log,,1,2,{}')
    expect(lines[3]).toMatch(/^2024-05-01T09:00:02.000Z,3,bob,dc1,,,authentication,logon_failed,failure,/)
    expect(lines.slice(4)).toEqual([''])
    await workspace.close()
  })

  it('writes events as a JSON array of nested ECS documents, empty fields left out', async () => {
    const workspace = await seeded()
    const documents = JSON.parse(exportFile(workspace, 'events', 'json', { user: 'BOB' }).data) as Record<string, unknown>[]
    expect(documents).toHaveLength(2)
    expect(documents[0]).toEqual({
      '@timestamp': '2024-05-01T09:00:01.000Z',
      event: { id: '2', category: 'web', action: 'http_request', outcome: 'success' },
      user: { name: 'bob' },
      source: { ip: '10.0.0.2' },
      destination: { ip: '203.0.113.9' },
      url: { original: 'https://files.example/up' },
      network: { bytes: 512 },
      tags: [],
      log: { file: { path: 'mixed.log' } },
      argus: { source: { id: 1, line: 2 }, attrs: {} },
    })
    await workspace.close()
  })

  it('caps the contract call and says so, and records each export in the audit trail', async () => {
    const workspace = await seeded()
    expect(exportFile(workspace, 'events', 'json', {}, 2)).toMatchObject({ rows: 2, truncated: true })
    expect(JSON.parse(exportFile(workspace, 'events', 'json', {}, 2).data)).toHaveLength(2)
    expect(exportFile(workspace, 'events', 'csv', {}, 3)).toMatchObject({ rows: 3, truncated: false })
    const entries = workspace.sqlite.prepare(`select actor, details from audit_log where action = 'export.events' order by id`).all()
    expect(entries).toHaveLength(3)
    expect(entries[0]).toEqual({ actor: 'dana', details: JSON.stringify({ kind: 'events', format: 'json', filters: {}, rows: 2, truncated: true }) })
    expect(verifyAuditChain(workspace.sqlite).ok).toBe(true)
    await workspace.close()
  })

  it("exports a case's events (pinned, in its ranges, on its alerts' days) and its alerts", async () => {
    const workspace = await seeded()
    const { sqlite } = workspace
    addImport(workspace, 'later.log', [
      { ts: Date.UTC(2024, 4, 2, 8), user: 'carol' },
      { ts: Date.UTC(2024, 4, 3, 8), user: 'carol' },
      { ts: Date.UTC(2024, 4, 3, 9), user: 'dave' },
    ])
    const alertId = addScoredDay(sqlite, 'carol', '2024-05-03', 0.9, 'carol, day three')
    addScoredDay(sqlite, 'dave', '2024-05-03', 0.3)
    const caseId = recordChange(workspace, 'case.create', () => {
      const id = Number(sqlite.prepare(`insert into cases (title, author, created_at, updated_at) values ('c', 'dana', 1, 1)`).run().lastInsertRowid)
      const evidence = sqlite.prepare(`insert into case_evidence (case_id, kind, user, alert_id, event_id, from_ts, to_ts, author, added_at) values (?, ?, ?, ?, ?, ?, ?, 'dana', 1)`)
      evidence.run(id, 'event', "o'neil", null, 1, may1, may1)
      evidence.run(id, 'range', 'bob', null, null, may1 + 2000, may1 + 5000)
      evidence.run(id, 'alert', 'carol', alertId, null, Date.UTC(2024, 4, 3), Date.UTC(2024, 4, 4) - 1)
      return { value: id, details: { caseId: id } }
    })
    const events = JSON.parse(exportFile(workspace, 'events', 'json', { caseId }).data) as { event: { id: string } }[]
    expect(events.map((document) => document.event.id)).toEqual(['1', '3', '5'])

    const alerts = exportFile(workspace, 'alerts', 'csv', { caseId })
    expect(alerts.fileName).toBe(`argus-alerts-case-${caseId}.csv`)
    const [header, row] = alerts.data.split('\r\n')
    expect(header).toBe('@timestamp,event.kind,event.id,user.name,message,tags,argus.date,argus.risk,argus.severity,argus.types,argus.status,argus.verdict,argus.updated')
    expect(row).toBe(`1970-01-01T00:00:00.001Z,alert,${alertId},carol,"carol, day three",[],2024-05-03,0.9,high,"[""after_hours""]",open,,1970-01-01T00:00:00.001Z`)
    // Without a case, Low alerts stay out as in the alert list.
    expect(exportFile(workspace, 'alerts', 'json', {}).rows).toBe(1)
    expect(() => exportFile(workspace, 'alerts', 'json', { caseId: 99 })).toThrow(/no case #99/)
    await workspace.close()
  })

  it('streams every row to a file for the CLI, the same text the call returns, then audits it', async () => {
    const workspace = await seeded()
    const out = folder.file('events.csv')
    expect(exportToFile(workspace, 'events', 'csv', {}, out)).toEqual({ path: out, rows: 3 })
    expect(readFileSync(out, 'utf8')).toBe(exportFile(workspace, 'events', 'csv', {}).data)
    const entry = workspace.sqlite.prepare(`select details from audit_log where action = 'export.events' order by id limit 1`).get() as { details: string }
    expect(JSON.parse(entry.details)).toEqual({ kind: 'events', format: 'csv', filters: {}, rows: 3, truncated: false, path: out })
    await workspace.close()
  })
})
