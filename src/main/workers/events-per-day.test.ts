import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../store/database'
import { addImport, folderPerTest } from '../store/test-workspace'
import type { NormalizedEvent } from '../../shared/event'
import { createImportWriter } from '../store/queries/import-writer'
import { eventsPerDay } from './events-per-day'

const event: NormalizedEvent = {
  ts: 0, user: 'carol', host: null, srcIp: null, dstIp: null, category: 'authentication', action: 'logon', outcome: 'success', object: null, bytes: null, amount: null, attrs: {},
}

const folder = folderPerTest()

describe('eventsPerDay', () => {
  it('counts calendar days of the zone it is given, including the short day of a clock change', async () => {
    const workspace = await openWorkspace(folder.file('days.db'))
    // 22:30 and 23:30 UTC on 30 March: one UTC day, but 23:30 on the 30th and 00:30 on the 31st in Berlin.
    const times = [Date.UTC(2024, 2, 30, 22, 30), Date.UTC(2024, 2, 30, 23, 30), Date.UTC(2024, 2, 31, 21, 30), Date.UTC(2024, 2, 31, 22, 30)]
    addImport(workspace, 'auth.log', times.map((ts, index) => ({ ts, user: index === 0 ? 'bob' : 'alice' })))
    const progress: number[] = []
    expect(eventsPerDay(workspace.sqlite, undefined, 'UTC', (done) => progress.push(done))).toEqual([
      { date: '2024-03-30', events: 2 },
      { date: '2024-03-31', events: 2 },
    ])
    // Berlin: 31 March runs from 23:00 UTC on the 30th to 22:00 UTC on the 31st (23 hours).
    expect(eventsPerDay(workspace.sqlite, undefined, 'Europe/Berlin', () => {})).toEqual([
      { date: '2024-03-30', events: 1 },
      { date: '2024-03-31', events: 2 },
      { date: '2024-04-01', events: 1 },
    ])
    expect(eventsPerDay(workspace.sqlite, 'ALICE', 'Europe/Berlin', () => {})).toEqual([
      { date: '2024-03-31', events: 2 },
      { date: '2024-04-01', events: 1 },
    ])
    expect(progress.at(-1)).toBe(1)
    // An import that rolls back leaves the tallies as they were: they match the events exactly.
    const writer = createImportWriter(workspace.sqlite)
    writer.begin()
    writer.event(writer.startSource('lost.log', null, 'test', null), 1, { ...event, ts: times[0]! })
    writer.rollback()
    const tallied = workspace.sqlite.prepare('select (select sum(events) from event_quarters) as tallied, (select count(*) from events) as events').get()
    expect(tallied).toEqual({ tallied: 4, events: 4 })
    await workspace.close()
  })
})
