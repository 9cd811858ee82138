import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../database'
import { addImport, folderPerTest } from '../test-workspace'
import { weekHours } from './week-hours'

const folder = folderPerTest()
const dayMs = 86_400_000

/** The non-zero cells of a 7 × 24 grid as 'weekday hour: count' (Monday 0). */
function cells(counts: readonly (readonly number[])[]): string[] {
  return counts.flatMap((row, weekday) => row.flatMap((count, hour) => (count > 0 ? [`${weekday} ${hour}: ${count}`] : [])))
}

describe('weekHours', () => {
  it('counts a period and what came before it by weekday and hour of the workspace zone', async () => {
    const workspace = await openWorkspace(folder.file('week.db'))
    // Four weeks of alice at 08:00 UTC on weekdays (09:00 in Berlin in winter), then one night at 02:00 UTC.
    const monday = Date.UTC(2024, 0, 1)
    const workdays = Array.from({ length: 28 }, (_, day) => day).filter((day) => day % 7 < 5)
    const routine = workdays.map((day) => ({ ts: monday + day * dayMs + 8 * 3_600_000, user: 'alice' }))
    const night = { ts: monday + 29 * dayMs + 2 * 3_600_000, user: 'alice' } // Tuesday 30 January
    addImport(workspace, 'auth.log', [...routine, night, { ts: monday, user: 'bob' }])

    const berlin = weekHours(workspace.sqlite, { user: 'Alice' }, 'Europe/Berlin')
    // By default the period is the user's last seven days up to their last event: 24–30 January.
    expect(berlin.period).toMatchObject({ from: '2024-01-24', to: '2024-01-30', events: 4 })
    expect(cells(berlin.period.counts)).toEqual(['1 3: 1', '2 9: 1', '3 9: 1', '4 9: 1'])
    expect(berlin.baseline).toMatchObject({ from: '2024-01-01', to: '2024-01-23', events: 17 })
    expect(cells(berlin.baseline.counts)).toEqual(['0 9: 4', '1 9: 4', '2 9: 3', '3 9: 3', '4 9: 3'])

    const utc = weekHours(workspace.sqlite, { user: 'alice', from: '2024-01-08', to: '2024-01-14' }, 'UTC')
    expect(utc.period).toMatchObject({ from: '2024-01-08', to: '2024-01-14', events: 5 })
    expect(cells(utc.period.counts)).toEqual(['0 8: 1', '1 8: 1', '2 8: 1', '3 8: 1', '4 8: 1'])
    expect(utc.baseline).toMatchObject({ from: '2024-01-01', to: '2024-01-07', events: 5 })

    const stranger = weekHours(workspace.sqlite, { user: 'mallory' }, 'UTC')
    expect(stranger.period).toMatchObject({ from: null, to: null, events: 0 })
    expect(stranger.baseline.events).toBe(0)
    await workspace.close()
  })

  it('moves hours with the clock change', async () => {
    const workspace = await openWorkspace(folder.file('summer.db'))
    // 07:xx UTC on the Friday before and the Monday after clocks went forward in Berlin, to the millisecond.
    addImport(workspace, 'auth.log', [
      { ts: Date.UTC(2024, 2, 29, 7, 59, 59, 999), user: 'alice' },
      { ts: Date.UTC(2024, 3, 1, 7, 12, 5, 465), user: 'alice' },
    ])
    const counted = weekHours(workspace.sqlite, { user: 'alice', from: '2024-03-25', to: '2024-04-07' }, 'Europe/Berlin')
    expect(cells(counted.period.counts)).toEqual(['0 9: 1', '4 8: 1'])
    expect(counted.baseline).toMatchObject({ from: null, to: null, events: 0 })
    await workspace.close()
  })
})
