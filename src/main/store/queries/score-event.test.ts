import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../database'
import { addImport, folderPerTest } from '../test-workspace'
import { scoreEvent } from './score-event'

const folder = folderPerTest()
const day = 86_400_000
const start = Date.UTC(2024, 3, 1)

describe('scoreEvent', () => {
  it('scores an event by how new and rare it is for its user, and nothing when it is routine', async () => {
    const workspace = await openWorkspace(folder.file('event.db'))
    // Twenty days of alice logging on to ws-1 from 10.0.0.5 at 09:00 UTC.
    addImport(
      workspace,
      'auth.log',
      Array.from({ length: 20 }, (_, index) => ({ ts: start + index * day + 9 * 3_600_000, user: 'alice', host: 'ws-1', srcIp: '10.0.0.5' })),
    )
    const later = start + 25 * day
    const routine = scoreEvent(workspace.sqlite, { user: 'Alice', ts: later + 9 * 3_600_000, action: 'logon', host: 'ws-1', srcIp: '10.0.0.5' })
    expect(routine).toEqual({ score: 0, known: true, facts: ['nothing unusual for alice (20 earlier events)'] })

    const odd = scoreEvent(workspace.sqlite, { user: 'alice', ts: later + 3 * 3_600_000, action: 'sudo', host: 'db-7', srcIp: '203.0.113.9' })
    expect(odd.score).toBe(1)
    expect(odd.facts).toEqual([
      'alice has never been seen on host db-7',
      'alice has never come from 203.0.113.9',
      'alice has never done sudo before',
      'alice is rarely active at 03:00 UTC (0.0 % of their events)',
    ])

    expect(scoreEvent(workspace.sqlite, { user: 'mallory', ts: later, action: 'logon' })).toMatchObject({ score: 0, known: false })
    // Point in time: only what came before the event counts.
    expect(scoreEvent(workspace.sqlite, { user: 'alice', ts: start + 9 * 3_600_000, action: 'logon' }).known).toBe(false)
    await workspace.close()
  })
})
