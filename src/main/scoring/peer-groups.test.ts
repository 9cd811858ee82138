import { describe, expect, it } from 'vitest'
import { actionVocabulary } from '../../shared/actions'
import { assignPeerGroups, kMeans } from './peer-groups'
import type { ScoredEvent, UserDay } from './types'

const firstDay = Date.UTC(2024, 2, 4)

function event(dayStart: number, minute: number, action: string, extra: Partial<ScoredEvent> = {}): ScoredEvent {
  return {
    ts: dayStart + minute * 60_000, category: actionVocabulary[action]?.category ?? 'system', action, outcome: 'success',
    host: null, srcIp: null, dstIp: null, object: null, bytes: null, amount: null, attrs: {}, ...extra,
  }
}

/** Browsers read the web; administrators run sudo on many servers. */
function days(user: string, kind: 'browser' | 'admin', count = 5): UserDay[] {
  return Array.from({ length: count }, (_, index) => {
    const dayStart = firstDay + index * 86_400_000
    const events = kind === 'browser'
      ? Array.from({ length: 60 }, (_, minute) => event(dayStart, 540 + minute * 5, 'http_request', { object: `site${minute % 9}.example` }))
      : Array.from({ length: 30 }, (_, minute) => event(dayStart, 540 + minute * 10, minute % 2 === 0 ? 'ssh_accept' : 'sudo', { host: `srv${minute % 12}` }))
    return { user, date: new Date(dayStart).toISOString().slice(0, 10), dayStart, offsetMinutes: 0, events }
  })
}

const people = [
  ...['ann', 'ben', 'cat', 'dan', 'eve', 'fay'].map((user) => ({ user, days: days(user, 'browser') })),
  ...['gus', 'hal', 'ivy', 'jon'].map((user) => ({ user, days: days(user, 'admin') })),
]

describe('assignPeerGroups', () => {
  it('clusters users by behaviour when there is no directory, naming clusters deterministically', () => {
    const groups = assignPeerGroups(people, { clusters: 2 })
    expect(groups.get('ann')).toBe('cluster-1')
    for (const user of ['ben', 'cat', 'dan', 'eve', 'fay']) expect(groups.get(user)).toBe(groups.get('ann'))
    for (const user of ['hal', 'ivy', 'jon']) expect(groups.get(user)).toBe(groups.get('gus'))
    expect(groups.get('gus')).toBe('cluster-2')
  })

  it('is deterministic and does not depend on the order users come in', () => {
    expect(assignPeerGroups([...people].reverse(), { clusters: 2 })).toEqual(assignPeerGroups(people, { clusters: 2 }))
  })

  it('takes the directory where it knows the user and clusters only the rest', () => {
    const groups = assignPeerGroups(people, { clusters: 2, directory: new Map([['ann', 'Finance'], ['gus', ' IT ']]) })
    expect(groups.get('ann')).toBe('Finance')
    expect(groups.get('gus')).toBe('IT')
    expect(groups.get('ben')).toMatch(/^cluster-\d$/)
    expect(groups.size).toBe(people.length)
  })

  it('looks only at each user’s first days, so later behaviour cannot move them', () => {
    const changed = people.map((person) => (person.user === 'ann' ? { user: 'ann', days: [...days('ann', 'browser'), ...days('ann', 'admin', 20)] } : person))
    expect(assignPeerGroups(changed, { clusters: 2, days: 5 }).get('ann')).toBe('cluster-1')
  })

  it('picks about √(users / 2) clusters by default', () => {
    const many = Array.from({ length: 32 }, (_, index) => ({ user: `u${String(index).padStart(2, '0')}`, days: days(`u${index}`, index % 2 === 0 ? 'browser' : 'admin', 2) }))
    expect(new Set(assignPeerGroups(many).values()).size).toBeLessThanOrEqual(4)
    expect(new Set(assignPeerGroups(many).values()).size).toBeGreaterThanOrEqual(2)
  })
})

describe('kMeans', () => {
  it('separates two obvious clouds', () => {
    const points = [[0, 0], [0.1, 0], [0, 0.1], [5, 5], [5.1, 5], [5, 5.1]].map((point) => Float64Array.from(point))
    const labels = [...kMeans(points, 2, 7)]
    expect(labels[0]).toBe(labels[1])
    expect(labels[0]).toBe(labels[2])
    expect(labels[3]).toBe(labels[4])
    expect(labels[0]).not.toBe(labels[3])
  })
})
