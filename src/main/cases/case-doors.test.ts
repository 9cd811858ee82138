import { describe, expect, it } from 'vitest'
import { openEngine } from '../api/engine'
import { openTestEngine } from '../api/test-engine'
import { startServer } from '../server/http-server'
import { verifyAuditChain } from '../store/queries/audit'
import { writeSetting } from '../store/queries/settings'
import { addImport, folderPerTest } from '../store/test-workspace'
import { gatherCaseReport } from './case-report-input'
import { callsOf } from './test-calls'
import { addScoredDay } from './test-evidence'

const folder = folderPerTest()
const may1 = Date.UTC(2024, 4, 1, 9)

describe('case calls through the doors', () => {
  it('answers a malformed request over HTTP with 400 and a message naming the field', async () => {
    const { engine, dispose } = await openTestEngine('http')
    const server = await startServer({ engine, rendererDir: folder.path, port: 0 })
    try {
      const reply = await fetch(`http://127.0.0.1:${server.port}/api/cases:attach`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ caseId: 1, evidence: { kind: 'host', host: 'ws1' } }),
      })
      expect(reply.status).toBe(400)
      expect(await reply.json()).toEqual({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/^cases:attach: evidence\.kind: /) } })
    } finally {
      await server.close()
      await dispose()
    }
  })

  it('refuses every case, note and tag write on a read-only workspace, and still reads and exports', async () => {
    const file = folder.file('review.db')
    const writable = await openEngine({ workspacePath: file, door: 'cli', workerThreads: 1 })
    addImport(writable.workspace, 'auth.log', [{ ts: may1, user: 'alice' }])
    const { call } = callsOf(writable)
    const { id: caseId } = await call('cases:create', { title: 'Under review' })
    const note = await call('cases:addNote', { caseId, body: 'first' })
    const evidence = await call('cases:attach', { caseId, evidence: { kind: 'event', eventId: 1 } })
    await call('tags:add', { target: 'user', key: 'alice', tag: 'leaver' })
    await writable.close()

    const review = await openEngine({ workspacePath: file, door: 'http', readOnly: true, workerThreads: 1 })
    try {
      const { call: read, refusal } = callsOf(review)
      const before = verifyAuditChain(review.workspace.sqlite)
      const writes: [Parameters<typeof refusal>[0], unknown][] = [
        ['cases:create', { title: 'x' }],
        ['cases:rename', { id: caseId, title: 'x' }],
        ['cases:setStatus', { id: caseId, status: 'closed' }],
        ['cases:attach', { caseId, evidence: { kind: 'user', user: 'bob' } }],
        ['cases:detach', { caseId, evidenceId: evidence.id }],
        ['cases:addNote', { caseId, body: 'x' }],
        ['cases:editNote', { noteId: note.id, body: 'x' }],
        ['tags:add', { target: 'user', key: 'bob', tag: 'x' }],
        ['tags:remove', { target: 'user', key: 'alice', tag: 'leaver' }],
      ]
      for (const [channel, input] of writes) {
        expect(await refusal(channel, input), channel).toEqual({ code: 'read_only', message: 'this workspace is open read-only' })
      }
      expect((await read('cases:detail', { id: caseId })).case.counts).toMatchObject({ events: 1, notes: 1 })
      expect((await read('exports:events', { format: 'json' })).rows).toBe(1)
      expect(await read('workspace:backup', { path: folder.file('review-copy.db') })).toMatchObject({ auditHead: before.headHash })
      expect(await read('audit:verify', {})).toEqual(before)
    } finally {
      await review.close()
    }
  })
})

describe('gatherCaseReport', () => {
  it('collects the case, its scored users, pinned events oldest first, the audit head and the time zone', async () => {
    const { engine, dispose } = await openTestEngine('cli')
    try {
      const { sqlite } = engine.workspace
      writeSetting(sqlite, 'workspace.timeZone', 'Europe/Berlin')
      addImport(engine.workspace, 'auth.log', [
        { ts: may1 + 5000, user: 'alice' },
        { ts: may1, user: 'alice', host: 'ws9' },
      ])
      addScoredDay(sqlite, 'alice', '2024-05-01', 0.8)
      const { call } = callsOf(engine)
      const { id: caseId } = await call('cases:create', { title: 'Report me' })
      for (const eventId of [1, 2]) await call('cases:attach', { caseId, evidence: { kind: 'event', eventId } })
      await call('cases:attach', { caseId, evidence: { kind: 'user', user: 'bob' } })

      const input = gatherCaseReport(sqlite, caseId, 42)
      expect(input.detail).toEqual(await call('cases:detail', { id: caseId }))
      expect(input.users.map((detail) => detail.user.user)).toEqual(['alice'])
      expect(input.pinnedEvents.map((event) => [event.id, event.host])).toEqual([[2, 'ws9'], [1, null]])
      const { headHash, ok, entries } = verifyAuditChain(sqlite)
      expect(input).toMatchObject({ audit: { headHash, ok, entries }, generatedAt: 42, timeZone: 'Europe/Berlin' })
      expect(() => gatherCaseReport(sqlite, 99)).toThrow(/no case #99/)
    } finally {
      await dispose()
    }
  })
})
