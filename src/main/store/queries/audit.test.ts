import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../database'
import { folderPerTest } from '../test-workspace'
import { appendAudit, verifyAuditChain } from './audit'

const folder = folderPerTest()

describe('audit log', () => {
  it('chains every entry to the one before and detects a rewritten row', async () => {
    const workspace = await openWorkspace(folder.file('audit.db'))
    const { sqlite } = workspace
    appendAudit(sqlite, { actor: 'analyst', action: 'note.add', details: { text: 'first look' } })
    const head = appendAudit(sqlite, { actor: 'analyst', action: 'verdict', details: { alert: 7, verdict: 'false_positive' } })
    expect(verifyAuditChain(sqlite)).toEqual({ ok: true, entries: 3, headHash: head, brokenAt: null })

    expect(() => sqlite.prepare(`update audit_log set actor = 'mallory'`).run()).toThrow(/append-only/)
    expect(() => sqlite.prepare(`delete from audit_log`).run()).toThrow(/append-only/)

    // Someone with the sqlite3 shell can drop the trigger; the chain still tells.
    sqlite.exec('drop trigger audit_log_no_update')
    sqlite.prepare(`update audit_log set details = '{"alert":7,"verdict":"true_positive"}' where id = 3`).run()
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAt: 3 })
    await workspace.close()
  })
})
