import { describe, expect, it } from 'vitest'
import { pinnedDays } from './pinned-days'

describe('pinnedDays', () => {
  it('counts distinct events per workspace day, with the cases they are pinned to', () => {
    const late = Date.UTC(2024, 5, 5, 23, 30)
    const noon = Date.UTC(2024, 5, 5, 12)
    const events = [
      { eventId: 1, ts: late, caseId: 1, caseTitle: 'Exfiltration' },
      { eventId: 1, ts: late, caseId: 2, caseTitle: 'Offboarding' },
      { eventId: 2, ts: noon, caseId: 1, caseTitle: 'Exfiltration' },
    ]
    expect(pinnedDays(events, 'UTC')).toEqual([{ date: '2024-06-05', count: 2, cases: ['Exfiltration', 'Offboarding'] }])
    expect(pinnedDays(events, 'Europe/Berlin')).toEqual([
      { date: '2024-06-05', count: 1, cases: ['Exfiltration'] },
      { date: '2024-06-06', count: 1, cases: ['Exfiltration', 'Offboarding'] },
    ])
  })
})
