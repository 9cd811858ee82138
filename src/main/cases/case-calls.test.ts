import { createHash } from 'node:crypto'
import { userInfo } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../api/engine'
import { openTestEngine } from '../api/test-engine'
import { verifyAuditChain } from '../store/queries/audit'
import { writeSetting } from '../store/queries/settings'
import { addImport } from '../store/test-workspace'
import { callsOf } from './test-calls'
import { addScoredDay } from './test-evidence'

let engine: Engine
let dispose: () => Promise<void>
let calls: ReturnType<typeof callsOf>
beforeEach(async () => {
  ;({ engine, dispose } = await openTestEngine('cli'))
  calls = callsOf(engine)
  writeSetting(engine.workspace.sqlite, 'workspace.analyst', 'dana')
})
afterEach(() => dispose())

/** The analyst's audit entries (not the workspace's creation or imports), oldest first. */
function auditTrail(): { actor: string; action: string; details: Record<string, unknown> }[] {
  const rows = engine.workspace.sqlite.prepare(`select actor, action, details from audit_log where action != 'workspace.create' and action not like 'import.%' order by id`).all() as {
    actor: string
    action: string
    details: string
  }[]
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }))
}

const may1 = Date.UTC(2024, 4, 1, 9)

describe('cases', () => {
  it('creates, renames, closes and reopens a case, each change audited under the analyst name', async () => {
    const created = await calls.call('cases:create', { title: '  Exfiltration by alice  ' })
    expect(created).toMatchObject({ title: 'Exfiltration by alice', status: 'open', author: 'dana', closedAt: null, counts: { users: 0, notes: 0 } })
    expect(await calls.call('cases:rename', { id: created.id, title: 'Alice: USB copies' })).toMatchObject({ title: 'Alice: USB copies' })
    const closed = await calls.call('cases:setStatus', { id: created.id, status: 'closed' })
    expect(closed.status).toBe('closed')
    expect(closed.closedAt).toBeGreaterThanOrEqual(created.createdAt)
    // Setting what is already so changes nothing and records nothing.
    await calls.call('cases:setStatus', { id: created.id, status: 'closed' })
    await calls.call('cases:rename', { id: created.id, title: 'Alice: USB copies' })
    expect(await calls.call('cases:setStatus', { id: created.id, status: 'open' })).toMatchObject({ status: 'open', closedAt: null })

    expect(auditTrail()).toEqual([
      { actor: 'dana', action: 'case.create', details: { caseId: created.id, title: 'Exfiltration by alice' } },
      { actor: 'dana', action: 'case.rename', details: { caseId: created.id, from: 'Exfiltration by alice', to: 'Alice: USB copies' } },
      { actor: 'dana', action: 'case.status', details: { caseId: created.id, status: 'closed' } },
      { actor: 'dana', action: 'case.status', details: { caseId: created.id, status: 'open' } },
    ])
    expect(verifyAuditChain(engine.workspace.sqlite)).toMatchObject({ ok: true, entries: 5 })
  })

  it("uses the OS account as the author until the workspace names its analyst", async () => {
    engine.workspace.sqlite.prepare(`delete from settings where key = 'workspace.analyst'`).run()
    expect((await calls.call('cases:create', { title: 'Unnamed' })).author).toBe(userInfo().username)
  })

  it('lists cases newest first in keyset pages, filtered by status', async () => {
    const ids: number[] = []
    for (const title of ['one', 'two', 'three', 'four', 'five']) ids.push((await calls.call('cases:create', { title })).id)
    await calls.call('cases:setStatus', { id: ids[1]!, status: 'closed' })
    const first = await calls.call('cases:list', { limit: 2 })
    expect(first.items.map((item) => item.title)).toEqual(['five', 'four'])
    const second = await calls.call('cases:list', { limit: 2, cursor: first.nextCursor })
    expect(second.items.map((item) => item.title)).toEqual(['three', 'two'])
    const third = await calls.call('cases:list', { limit: 2, cursor: second.nextCursor })
    expect(third).toMatchObject({ items: [{ title: 'one' }], nextCursor: null })
    expect((await calls.call('cases:list', { status: 'closed' })).items.map((item) => item.id)).toEqual([ids[1]])
    expect((await calls.call('cases:list', { status: 'open' })).items).toHaveLength(4)
  })

  it('refuses calls on a case, note or alert that does not exist with not_found', async () => {
    expect(await calls.refusal('cases:detail', { id: 99 })).toEqual({ code: 'not_found', message: 'no case #99' })
    expect((await calls.refusal('cases:rename', { id: 99, title: 'x' })).code).toBe('not_found')
    expect((await calls.refusal('cases:addNote', { caseId: 99, body: 'x' })).code).toBe('not_found')
    expect((await calls.refusal('cases:noteHistory', { noteId: 5 })).code).toBe('not_found')
    expect(auditTrail()).toEqual([])
  })
})

describe('evidence', () => {
  it('attaches users, alerts, events and ranges, idempotently, and refuses unknown ids', async () => {
    const sqlite = engine.workspace.sqlite
    writeSetting(sqlite, 'workspace.timeZone', 'Europe/Berlin')
    addImport(engine.workspace, 'auth.log', [
      { ts: may1, user: 'alice', host: 'ws1' },
      { ts: may1 + 60_000, user: 'alice', host: 'ws2' },
    ])
    const alertId = addScoredDay(sqlite, 'alice', '2024-05-01', 0.9)
    const { id: caseId } = await calls.call('cases:create', { title: 'Alice' })

    const user = await calls.call('cases:attach', { caseId, evidence: { kind: 'user', user: 'ALICE' } })
    expect(user).toMatchObject({ kind: 'user', user: 'alice', author: 'dana' })
    const alert = await calls.call('cases:attach', { caseId, evidence: { kind: 'alert', alertId } })
    // The alert's day, in the workspace's time zone (Berlin is UTC+2 in May).
    expect(alert).toMatchObject({ kind: 'alert', user: 'alice', alertId, from: Date.UTC(2024, 3, 30, 22), to: Date.UTC(2024, 4, 1, 22) - 1 })
    const event = await calls.call('cases:attach', { caseId, evidence: { kind: 'event', eventId: 1 } })
    expect(event).toMatchObject({ kind: 'event', user: 'alice', eventId: 1, from: may1, to: may1 })
    const range = await calls.call('cases:attach', { caseId, evidence: { kind: 'range', user: null, from: may1, to: may1 + 3_600_000, label: 'the copy' } })
    expect(range).toMatchObject({ kind: 'range', user: null, label: 'the copy' })

    expect(await calls.call('cases:attach', { caseId, evidence: { kind: 'user', user: 'alice' } })).toEqual(user)
    expect(await calls.call('cases:attach', { caseId, evidence: { kind: 'alert', alertId } })).toEqual(alert)
    expect(await calls.call('cases:attach', { caseId, evidence: { kind: 'event', eventId: 1 } })).toEqual(event)

    expect(await calls.refusal('cases:attach', { caseId, evidence: { kind: 'alert', alertId: 404 } })).toEqual({ code: 'not_found', message: 'no alert #404' })
    expect(await calls.refusal('cases:attach', { caseId, evidence: { kind: 'event', eventId: 404 } })).toEqual({ code: 'not_found', message: 'no event #404' })
    expect((await calls.refusal('cases:attach', { caseId, evidence: { kind: 'range', user: null, from: 5, to: 4 } })).code).toBe('bad_request')
    expect((await calls.refusal('cases:attach', { caseId: 99, evidence: { kind: 'user', user: 'bob' } })).code).toBe('not_found')

    expect(auditTrail().map((entry) => entry.action)).toEqual(['case.create', 'case.attach', 'case.attach', 'case.attach', 'case.attach'])
    expect(auditTrail()[2]!.details).toMatchObject({ caseId, kind: 'alert', alertId, user: 'alice' })

    const detail = await calls.call('cases:detail', { id: caseId })
    expect(detail.case.counts).toEqual({ users: 1, alerts: 1, events: 1, ranges: 1, notes: 0 })
    expect(detail.evidence.map((item) => item.kind)).toEqual(['user', 'alert', 'event', 'range'])
    expect(detail.users).toEqual([expect.objectContaining({ user: 'alice', risk: 0.9 })])
    expect(detail.alerts).toEqual([expect.objectContaining({ id: alertId, date: '2024-05-01' })])

    expect(await calls.call('cases:detach', { caseId, evidenceId: range.id })).toEqual({ removed: true })
    expect(await calls.call('cases:detach', { caseId, evidenceId: range.id })).toEqual({ removed: false })
    expect((await calls.call('cases:detail', { id: caseId })).case.counts.ranges).toBe(0)
    expect(auditTrail().at(-1)).toMatchObject({ action: 'case.detach', details: { caseId, evidenceId: range.id, kind: 'range', label: 'the copy' } })
  })

  it("lists a user's pinned events with their cases, for the timeline", async () => {
    addImport(engine.workspace, 'auth.log', [
      { ts: may1 + 1000, user: 'alice' },
      { ts: may1, user: 'alice' },
      { ts: may1, user: 'bob' },
    ])
    const first = await calls.call('cases:create', { title: 'First' })
    const second = await calls.call('cases:create', { title: 'Second' })
    for (const eventId of [1, 2, 3]) await calls.call('cases:attach', { caseId: first.id, evidence: { kind: 'event', eventId } })
    await calls.call('cases:attach', { caseId: second.id, evidence: { kind: 'event', eventId: 1 } })
    expect(await calls.call('cases:pinnedEvents', { user: 'Alice' })).toEqual({
      items: [
        { eventId: 2, ts: may1, caseId: first.id, caseTitle: 'First' },
        { eventId: 1, ts: may1 + 1000, caseId: first.id, caseTitle: 'First' },
        { eventId: 1, ts: may1 + 1000, caseId: second.id, caseTitle: 'Second' },
      ],
    })
  })
})

describe('notes', () => {
  it('keeps every revision of an edited note, with who wrote each', async () => {
    const { id: caseId } = await calls.call('cases:create', { title: 'Notes' })
    const note = await calls.call('cases:addNote', { caseId, body: '# First look\nalice copied **4 GB**' })
    expect(note).toMatchObject({ caseId, author: 'dana', revision: 1, body: '# First look\nalice copied **4 GB**' })
    writeSetting(engine.workspace.sqlite, 'workspace.analyst', 'erik')
    const edited = await calls.call('cases:editNote', { noteId: note.id, body: '# First look\nalice copied **4.2 GB**' })
    expect(edited).toMatchObject({ id: note.id, author: 'dana', revision: 2, createdAt: note.createdAt })
    // The same text again is not a revision.
    expect(await calls.call('cases:editNote', { noteId: note.id, body: edited.body })).toEqual(edited)
    await calls.call('cases:editNote', { noteId: note.id, body: 'done' })

    const history = await calls.call('cases:noteHistory', { noteId: note.id })
    expect(history.items.map(({ revision, body, author }) => ({ revision, body, author }))).toEqual([
      { revision: 1, body: '# First look\nalice copied **4 GB**', author: 'dana' },
      { revision: 2, body: '# First look\nalice copied **4.2 GB**', author: 'erik' },
      { revision: 3, body: 'done', author: 'erik' },
    ])
    const detail = await calls.call('cases:detail', { id: caseId })
    expect(detail.notes).toEqual([expect.objectContaining({ body: 'done', revision: 3 })])
    expect(detail.case.counts.notes).toBe(1)
    // The trail holds each revision's hash, so rewriting a stored revision is detectable too.
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex')
    expect(auditTrail().slice(1)).toEqual([
      { actor: 'dana', action: 'note.add', details: { caseId, noteId: note.id, revision: 1, bodySha256: sha(note.body) } },
      { actor: 'erik', action: 'note.edit', details: { caseId, noteId: note.id, revision: 2, bodySha256: sha(edited.body) } },
      { actor: 'erik', action: 'note.edit', details: { caseId, noteId: note.id, revision: 3, bodySha256: sha('done') } },
    ])
  })
})

describe('tags', () => {
  it('tags events, alerts and users, idempotently, and shows them on the case', async () => {
    addImport(engine.workspace, 'auth.log', [{ ts: may1, user: 'alice' }])
    const alertId = addScoredDay(engine.workspace.sqlite, 'alice', '2024-05-01', 0.8)
    const added = await calls.call('tags:add', { target: 'event', key: '1', tag: 'usb' })
    expect(added).toMatchObject({ target: 'event', key: '1', tag: 'usb', author: 'dana' })
    expect(await calls.call('tags:add', { target: 'event', key: '1', tag: 'usb' })).toEqual(added)
    await calls.call('tags:add', { target: 'alert', key: String(alertId), tag: 'confirmed' })
    await calls.call('tags:add', { target: 'user', key: 'Alice', tag: 'leaver' })
    await calls.call('tags:add', { target: 'user', key: 'bob', tag: 'vip' })

    expect((await calls.call('tags:list', { target: 'user' })).items.map((tag) => `${tag.key}:${tag.tag}`)).toEqual(['alice:leaver', 'bob:vip'])
    expect((await calls.call('tags:list', { target: 'user', key: 'ALICE' })).items.map((tag) => tag.tag)).toEqual(['leaver'])
    expect(await calls.refusal('tags:add', { target: 'event', key: '404', tag: 'x' })).toEqual({ code: 'not_found', message: 'no event #404' })
    expect((await calls.refusal('tags:add', { target: 'alert', key: 'first', tag: 'x' })).code).toBe('bad_request')
    expect((await calls.refusal('tags:add', { target: 'user', key: 'alice', tag: '   ' })).code).toBe('bad_request')

    const { id: caseId } = await calls.call('cases:create', { title: 'Tagged' })
    await calls.call('cases:attach', { caseId, evidence: { kind: 'event', eventId: 1 } })
    await calls.call('cases:attach', { caseId, evidence: { kind: 'alert', alertId } })
    expect((await calls.call('cases:detail', { id: caseId })).tags.map((tag) => `${tag.target}:${tag.key}:${tag.tag}`)).toEqual([
      `alert:${alertId}:confirmed`,
      'event:1:usb',
      'user:alice:leaver',
    ])

    expect(await calls.call('tags:remove', { target: 'user', key: 'ALICE', tag: 'leaver' })).toEqual({ removed: true })
    expect(await calls.call('tags:remove', { target: 'user', key: 'alice', tag: 'leaver' })).toEqual({ removed: false })
    expect(auditTrail().filter((entry) => entry.action.startsWith('tag.'))).toEqual([
      { actor: 'dana', action: 'tag.add', details: { target: 'event', key: '1', tag: 'usb' } },
      { actor: 'dana', action: 'tag.add', details: { target: 'alert', key: String(alertId), tag: 'confirmed' } },
      { actor: 'dana', action: 'tag.add', details: { target: 'user', key: 'alice', tag: 'leaver' } },
      { actor: 'dana', action: 'tag.add', details: { target: 'user', key: 'bob', tag: 'vip' } },
      { actor: 'dana', action: 'tag.remove', details: { target: 'user', key: 'alice', tag: 'leaver' } },
    ])
  })
})

describe('audit trail', () => {
  it('pages entries newest first and verifies the chain', async () => {
    for (const title of ['a', 'b', 'c']) await calls.call('cases:create', { title })
    const first = await calls.call('audit:list', { limit: 2 })
    expect(first.items.map((entry) => entry.details.title)).toEqual(['c', 'b'])
    const rest = await calls.call('audit:list', { limit: 2, cursor: first.nextCursor })
    expect(rest.items.map((entry) => entry.action)).toEqual(['case.create', 'workspace.create'])
    expect(rest.nextCursor).toBeNull()
    const check = await calls.call('audit:verify', {})
    expect(check).toEqual({ ok: true, entries: 4, headHash: first.items[0]!.hash, brokenAt: null })
  })
})

describe('atomicity', () => {
  it('rolls a note back when its audit entry cannot be written, and the entry back when the note fails', async () => {
    const sqlite = engine.workspace.sqlite
    const { id: caseId } = await calls.call('cases:create', { title: 'Atomic' })
    const before = verifyAuditChain(sqlite)

    // The audit insert itself fails, after the note rows were written in the same transaction.
    sqlite.exec(`create temp trigger fail_audit after insert on audit_log when new.action = 'note.add' begin select raise(abort, 'disk on fire'); end`)
    expect(await calls.refusal('cases:addNote', { caseId, body: 'lost' })).toMatchObject({ code: 'internal', message: expect.stringMatching(/disk on fire/) })
    expect(sqlite.prepare('select count(*) as n from notes').get()).toEqual({ n: 0 })
    expect(sqlite.prepare('select count(*) as n from note_revisions').get()).toEqual({ n: 0 })
    expect(verifyAuditChain(sqlite)).toEqual(before)
    sqlite.exec('drop trigger temp.fail_audit')

    // The change fails halfway (its revision row), before the audit entry: neither lands.
    sqlite.exec(`create temp trigger fail_revision before insert on note_revisions begin select raise(abort, 'no revisions today'); end`)
    expect((await calls.refusal('cases:addNote', { caseId, body: 'lost too' })).message).toMatch(/no revisions today/)
    expect(sqlite.prepare('select count(*) as n from notes').get()).toEqual({ n: 0 })
    expect(verifyAuditChain(sqlite)).toEqual(before)
    sqlite.exec('drop trigger temp.fail_revision')

    expect(await calls.call('cases:addNote', { caseId, body: 'kept' })).toMatchObject({ revision: 1 })
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: before.entries + 1 })
  })
})
