import { describe, expect, it } from 'vitest'
import { appliedMigrations, openWorkspace } from './database'
import { migrations } from './migrations'
import { verifyAuditChain } from './queries/audit'
import { addImport, folderPerTest } from './test-workspace'

const folder = folderPerTest()

describe('workspace database', () => {
  it('migrates up from an empty file to every listed migration, with STRICT tables and indexes', async () => {
    const workspace = await openWorkspace(folder.file('new.db'))
    expect(await appliedMigrations(workspace.db)).toEqual(Object.keys(migrations))
    const tables = workspace.sqlite
      .prepare(`select name, strict from pragma_table_list where schema = 'main' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`)
      .all()
    expect(tables).toEqual(
      [
        'alerts', 'audit_log', 'case_evidence', 'cases', 'event_quarters', 'events', 'note_revisions', 'notes', 'rejects', 'scoring_runs', 'settings', 'sources', 'tags',
        'user_days', 'user_profiles', 'user_risk',
      ].map(
        (name) => ({ name, strict: 1 }),
      ),
    )
    const indexes = workspace.sqlite
      .prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'events' and name not like 'sqlite_%' order by name`)
      .all()
      .map((row) => (row as { name: string }).name)
    expect(indexes).toEqual(['events_host_ts', 'events_source', 'events_ts', 'events_user_ts'])
    expect(workspace.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(workspace.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    await workspace.close()
  })

  it('upgrades a workspace one migration at a time, keeping its data', async () => {
    const file = folder.file('upgrade.db')
    const names = Object.keys(migrations)
    const first = await openWorkspace(file)
    await first.close()
    // Rebuild the file as the first release left it: only migration 1 applied.
    const { default: BetterSqlite3 } = await import('better-sqlite3')
    const raw = new BetterSqlite3(file)
    raw.exec('drop table event_quarters; drop table tags; drop table note_revisions; drop table notes; drop table case_evidence; drop table cases')
    raw.exec('drop table user_profiles; drop index sources_sha256; drop table user_days; drop table user_risk; drop table alerts; drop table scoring_runs')
    raw.prepare('delete from kysely_migration where name != ?').run(names[0])
    raw.prepare(`insert into sources (path, status, started_at) values ('old.log', 'done', 1)`).run()
    const insertEvent = raw.prepare(`insert into events (ts, category, action, outcome, source_id, line_no) values (?, 'system', 'boot', 'success', 1, 1)`)
    for (const ts of [900_000, 1_000_000, 1_800_000]) insertEvent.run(ts)
    raw.close()

    const upgraded = await openWorkspace(file)
    expect(await appliedMigrations(upgraded.db)).toEqual(names)
    expect(upgraded.sqlite.prepare('select path from sources').all()).toEqual([{ path: 'old.log' }])
    expect(upgraded.sqlite.prepare('select count(*) as n from user_profiles').get()).toEqual({ n: 0 })
    // 0005 tallies the events already there per quarter hour.
    expect(upgraded.sqlite.prepare('select quarter, events from event_quarters order by quarter').all()).toEqual([{ quarter: 1, events: 2 }, { quarter: 2, events: 1 }])
    await upgraded.close()
  })

  it('reopening an up-to-date workspace is a no-op that keeps its data', async () => {
    const file = folder.file('reopen.db')
    const first = await openWorkspace(file)
    addImport(first, 'auth.log', [{ ts: 1_700_000_000_000, user: 'alice' }])
    const schema = first.sqlite.prepare('select sql from sqlite_master order by name').all()
    const auditEntries = verifyAuditChain(first.sqlite).entries
    await first.close()

    const second = await openWorkspace(file)
    expect(second.sqlite.prepare('select sql from sqlite_master order by name').all()).toEqual(schema)
    expect(second.sqlite.prepare('select count(*) as n from events').get()).toEqual({ n: 1 })
    // A second 'workspace.create' entry would mean the reopen re-ran the first migration.
    expect(verifyAuditChain(second.sqlite)).toMatchObject({ ok: true, entries: auditEntries })
    await second.close()
  })

  it('refuses values of the wrong type (STRICT) and events without a source (foreign keys)', async () => {
    const workspace = await openWorkspace(folder.file('strict.db'))
    expect(() =>
      workspace.sqlite.prepare(`insert into settings (key, value, updated_at) values ('a', 'b', 'not a number')`).run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/)
    expect(() =>
      workspace.sqlite
        .prepare(`insert into events (ts, category, action, outcome, source_id, line_no) values (1, 'system', 'boot', 'success', 999, 1)`)
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/)
    await workspace.close()
  })

  it('keeps case evidence well formed, unique per case, and tied to what it names (0004-cases)', async () => {
    const workspace = await openWorkspace(folder.file('cases.db'))
    const { sqlite } = workspace
    sqlite.prepare(`insert into cases (title, author, created_at, updated_at) values ('c', 'dana', 1, 1)`).run()
    const attach = sqlite.prepare(
      `insert into case_evidence (case_id, kind, user, alert_id, event_id, from_ts, to_ts, author, added_at) values (?, ?, ?, ?, ?, ?, ?, 'dana', 1)`,
    )
    attach.run(1, 'range', null, null, null, 10, 20)
    expect(() => attach.run(1, 'range', null, null, null, 10, 20)).toThrow(/UNIQUE constraint failed/)
    expect(() => attach.run(1, 'range', null, null, null, 20, 10)).toThrow(/CHECK constraint failed: case_evidence_shape/)
    expect(() => attach.run(1, 'user', null, null, null, null, null)).toThrow(/CHECK constraint failed/)
    expect(() => attach.run(1, 'event', 'alice', null, 999, 1, 1)).toThrow(/FOREIGN KEY constraint failed/)
    expect(() => attach.run(2, 'user', 'alice', null, null, null, null)).toThrow(/FOREIGN KEY constraint failed/)
    sqlite.prepare(`insert into notes (case_id, body, author, created_at, updated_at, revision) values (1, 'n', 'dana', 1, 1, 1)`).run()
    sqlite.prepare(`insert into note_revisions (note_id, revision, body, author, edited_at) values (1, 1, 'n', 'dana', 1)`).run()
    sqlite.prepare(`delete from cases where id = 1`).run()
    for (const table of ['case_evidence', 'notes', 'note_revisions']) {
      expect(sqlite.prepare(`select count(*) as n from ${table}`).get(), table).toEqual({ n: 0 })
    }
    await workspace.close()
  })

  it('opens read-only without writing, and refuses a missing file', async () => {
    const file = folder.file('review.db')
    await (await openWorkspace(file)).close()
    const review = await openWorkspace(file, { readOnly: true })
    expect(() => review.sqlite.prepare(`insert into settings values ('k', '1', 1)`).run()).toThrow(/readonly/)
    await review.close()
    await expect(openWorkspace(folder.file('missing.db'), { readOnly: true })).rejects.toMatchObject({ code: 'not_found' })
  })
})
