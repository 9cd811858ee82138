import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../database'
import { addImport, folderPerTest } from '../test-workspace'
import { listEvents } from './events'

const folder = folderPerTest()

describe('listEvents', () => {
  it('walks every event exactly once, newest first, by keyset pages', async () => {
    const workspace = await openWorkspace(folder.file('events.db'))
    const base = Date.UTC(2024, 0, 1)
    // 25 events, with ties on ts so the id tiebreak matters.
    addImport(
      workspace,
      'auth.log',
      Array.from({ length: 25 }, (_, index) => ({ ts: base + Math.floor(index / 3) * 1000, user: index % 2 ? 'alice' : 'bob' })),
    )
    const seen: number[] = []
    let cursor = null
    do {
      const page = await listEvents(workspace.db, { limit: 7, cursor })
      seen.push(...page.items.map((item) => item.id))
      expect(page.items.length).toBeLessThanOrEqual(7)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(25)
    expect(new Set(seen).size).toBe(25)
    expect(seen).toEqual([...seen].sort((a, b) => b - a)) // inserted in ts order, so ids descend too

    const alice = await listEvents(workspace.db, { limit: 100, user: 'ALICE' })
    expect(alice.items).toHaveLength(12)
    expect(alice.items.every((item) => item.user === 'alice' && item.sourceId > 0 && item.lineNo > 0)).toBe(true)
    expect(alice.nextCursor).toBeNull()
    await workspace.close()
  })
})
