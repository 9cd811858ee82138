import { describe, expect, it } from 'vitest'
import type { CaseEvidence } from '../../../../shared/case-schemas'
import type { Alert } from '../../../../shared/scoring-schemas'
import { describeEvidence } from './evidence'

const base: CaseEvidence = {
  id: 1,
  caseId: 7,
  kind: 'user',
  user: 'alice',
  alertId: null,
  eventId: null,
  from: null,
  to: null,
  label: null,
  addedAt: 0,
  author: 'analyst',
}

const alert: Alert = {
  id: 12,
  user: 'bob',
  date: '2024-06-05',
  risk: 0.8,
  severity: 'high',
  types: [],
  status: 'open',
  verdict: null,
  createdAt: 0,
  updatedAt: 0,
}

describe('describeEvidence', () => {
  it('opens a user on their page, with their tags', () => {
    expect(describeEvidence(base, new Map(), 'UTC')).toEqual({ description: 'alice', href: '#/users/alice', tags: { target: 'user', key: 'alice' } })
  })

  it('opens an alert on its day', () => {
    const view = describeEvidence({ ...base, kind: 'alert', user: 'bob', alertId: 12 }, new Map([[12, alert]]), 'UTC')
    expect(view).toEqual({ description: 'Alert #12: bob on 2024-06-05', href: '#/users/bob?day=2024-06-05', tags: { target: 'alert', key: '12' } })
  })

  it("opens an event on its workspace day, which may not be UTC's", () => {
    const ts = Date.UTC(2024, 5, 5, 23, 30)
    const view = describeEvidence({ ...base, kind: 'event', eventId: 99, from: ts, to: ts }, new Map(), 'Europe/Berlin')
    expect(view.href).toBe('#/users/alice?day=2024-06-06')
    expect(view.description).toBe('Event #99: alice at 2024-06-05T23:30:00.000Z')
    expect(view.tags).toEqual({ target: 'event', key: '99' })
  })

  it('names a range by its label and its user, once', () => {
    const from = Date.UTC(2024, 5, 5)
    const view = describeEvidence({ ...base, kind: 'range', from, to: from, label: 'alice on 2024-06-05' }, new Map(), 'UTC')
    expect(view.description).toBe('alice on 2024-06-05: 2024-06-05T00:00:00.000Z to 2024-06-05T00:00:00.000Z')
    expect(view.href).toBe('#/users/alice?day=2024-06-05')
  })

  it('has no link for a range without a user', () => {
    const from = Date.UTC(2024, 5, 5)
    const view = describeEvidence({ ...base, kind: 'range', user: null, from, to: from + 3_600_000, label: 'exfil window' }, new Map(), 'UTC')
    expect(view).toEqual({ description: 'exfil window (all users): 2024-06-05T00:00:00.000Z to 2024-06-05T01:00:00.000Z', href: undefined, tags: undefined })
  })
})
