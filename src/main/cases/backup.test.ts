import BetterSqlite3 from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openWorkerConnection, openWorkspace } from '../store/database'
import { latestMigration } from '../store/migrations'
import { verifyAuditChain } from '../store/queries/audit'
import { addImport, folderPerTest } from '../store/test-workspace'
import { backupWorkspace } from './backup'
import { restoreWorkspace } from './restore'

const folder = folderPerTest()
const batch = 500

/** Enough events that the online backup takes many steps, so writes can land between them. */
function manyEvents(count: number, offset = 0): { ts: number; user: string; object: string }[] {
  return Array.from({ length: count }, (_, index) => ({ ts: 1_700_000_000_000 + offset + index, user: `user${index % 40}`, object: `C:\\share\\file-${index}.docx` }))
}

const count = (sqlite: BetterSqlite3.Database, table: string): number => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('backup and restore', () => {
  it('backs up while another connection writes, then restores a consistent copy', async () => {
    const workspace = await openWorkspace(folder.file('live.db'))
    addImport(workspace, 'first.log', manyEvents(20_000))
    const before = count(workspace.sqlite, 'events')

    // Another connection (the syslog writer, an import) keeps committing whole batches meanwhile.
    const writer = openWorkerConnection(workspace.path)
    const insert = writer.prepare(`insert into events (ts, category, action, outcome, source_id, line_no) values (?, 'system', 'tick', 'success', 1, ?)`)
    let batches = 0
    let writtenDuringBackup = 0
    let backingUp = true
    const writes = new Promise<void>((resolve) => {
      const step = (): void => {
        if (batches === 5) return resolve()
        writer.transaction(() => {
          for (let index = 0; index < batch; index++) insert.run(index, index)
        })()
        batches += 1
        if (backingUp) writtenDuringBackup += 1
        setImmediate(step)
      }
      setImmediate(step)
    })
    const result = await backupWorkspace(workspace, folder.file('copy.db'))
    backingUp = false
    await writes
    writer.close()
    expect(writtenDuringBackup).toBeGreaterThan(0)
    expect(result.path).toBe(folder.file('copy.db'))
    expect(result.sizeBytes).toBeGreaterThan(0)

    const copy = new BetterSqlite3(result.path, { readonly: true })
    const copied = count(copy, 'events')
    // One snapshot: every batch in it is whole, none half-written.
    expect((copied - before) % batch).toBe(0)
    expect(copied).toBeGreaterThanOrEqual(before)
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    // The copy carries the entry that records its own making, as its head.
    expect(verifyAuditChain(copy)).toMatchObject({ ok: true, headHash: result.auditHead })
    expect(copy.prepare('select action, details from audit_log order by id desc limit 1').get()).toEqual({
      action: 'workspace.backup',
      details: JSON.stringify({ path: result.path }),
    })
    copy.close()
    await workspace.close()

    const target = folder.file('restored.db')
    const restored = await restoreWorkspace(result.path, target)
    expect(restored).toMatchObject({ path: target, schemaVersion: latestMigration, audit: { ok: true } })
    const reopened = await openWorkspace(target)
    expect(count(reopened.sqlite, 'events')).toBe(copied)
    expect(reopened.sqlite.prepare('select action from audit_log order by id desc limit 1').get()).toEqual({ action: 'workspace.restore' })
    expect(verifyAuditChain(reopened.sqlite).ok).toBe(true)
    await reopened.close()
    expect(readdirSync(folder.path).filter((name) => name.includes('.partial') || name.includes('.restore'))).toEqual([])
  })

  it('refuses to overwrite the open workspace with its own backup', async () => {
    const workspace = await openWorkspace(folder.file('self.db'))
    for (const target of ['self.db', 'self.db-wal']) {
      await expect(backupWorkspace(workspace, folder.file(target))).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/onto itself/) })
    }
    await expect(backupWorkspace(workspace, folder.file('no/such/folder/x.db'))).rejects.toMatchObject({ code: 'not_found' })
    await workspace.close()
  })

  it('replaces an existing workspace atomically, and refuses files that are not Argus workspaces', async () => {
    const source = await openWorkspace(folder.file('source.db'))
    addImport(source, 'a.log', manyEvents(10))
    await backupWorkspace(source, folder.file('backup.db'))
    await source.close()
    const target = await openWorkspace(folder.file('target.db'))
    addImport(target, 'b.log', manyEvents(3))
    await target.close()

    writeFileSync(folder.file('notes.txt'), 'these are not the tables you are looking for\n'.repeat(200))
    const plain = new BetterSqlite3(folder.file('plain.db'))
    plain.exec('create table things (id integer primary key)')
    plain.close()
    await expect(restoreWorkspace(folder.file('notes.txt'), folder.file('target.db'))).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/not an Argus workspace/) })
    await expect(restoreWorkspace(folder.file('plain.db'), folder.file('target.db'))).rejects.toMatchObject({ message: expect.stringMatching(/not an Argus workspace \(no kysely_migration/) })
    await expect(restoreWorkspace(folder.file('missing.db'), folder.file('target.db'))).rejects.toMatchObject({ code: 'not_found' })

    // While another program holds the target open, it is left alone.
    const holder = await openWorkspace(folder.file('target.db'))
    await expect(restoreWorkspace(folder.file('backup.db'), folder.file('target.db'))).rejects.toMatchObject({ code: 'not_available' })
    expect(count(holder.sqlite, 'events')).toBe(3)
    await holder.close()

    expect(await restoreWorkspace(folder.file('backup.db'), folder.file('target.db'))).toMatchObject({ events: 10 })
    const after = await openWorkspace(folder.file('target.db'))
    expect(count(after.sqlite, 'events')).toBe(10)
    await after.close()
    expect(existsSync(folder.file('target.db-wal'))).toBe(false)
  })
})
