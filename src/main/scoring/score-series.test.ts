import { describe, expect, it } from 'vitest'
import { actionVocabulary } from '../../shared/actions'
import { defaultRules } from './rules-default'
import { scoreSeries, type ScoreOptions } from './score-series'
import { defaultWeights, type ScoredDay, type ScoredEvent, type UserDay, type UserSeries } from './types'

const firstDay = Date.UTC(2024, 2, 4)
const dayMs = 86_400_000
const minuteMs = 60_000

function event(dayStart: number, minute: number, action: string, extra: Partial<ScoredEvent> = {}): ScoredEvent {
  const failed = action.endsWith('_failed') || action === 'ssh_invalid_user'
  return {
    ts: dayStart + Math.round(minute * minuteMs),
    category: actionVocabulary[action]?.category ?? 'system',
    action,
    outcome: failed ? 'failure' : 'success',
    host: null, srcIp: null, dstIp: null, object: null, bytes: null, amount: null, attrs: {},
    ...extra,
  }
}

/** A weekday of office work for user `userIndex`, varied deterministically by user and day. */
function officeDay(user: string, userIndex: number, dayIndex: number, extra: (dayStart: number) => ScoredEvent[] = () => []): UserDay {
  const dayStart = firstDay + dayIndex * dayMs
  const vary = (userIndex * 7 + dayIndex * 13) % 11
  const host = `ws-${user}`
  const events = [
    event(dayStart, 520 + vary * 3, 'logon', { host, srcIp: `10.0.0.${userIndex + 1}` }),
    ...Array.from({ length: 30 + vary * 2 }, (_, index) => event(dayStart, 540 + index * 12, 'http_request', { host, object: `site${(index + userIndex) % 6}.example`, bytes: 2000 })),
    ...Array.from({ length: 4 + (vary % 4) }, (_, index) => event(dayStart, 560 + index * 70, 'email_send', { host, object: 'team@example.com' })),
    event(dayStart, 1000 + vary * 4, 'logoff', { host }),
    ...extra(dayStart),
  ]
  return { user, date: new Date(dayStart).toISOString().slice(0, 10), dayStart, offsetMinutes: 0, events: events.sort((first, second) => first.ts - second.ts) }
}

/** Brute force from outside at 02:00, a takeover, sudo and a hop across new servers. */
function takeover(dayStart: number): ScoredEvent[] {
  return [
    ...Array.from({ length: 14 }, (_, index) => event(dayStart, 120 + index * 0.2, 'ssh_failed', { host: 'srv-1', srcIp: '203.0.113.5' })),
    event(dayStart, 124, 'ssh_accept', { host: 'srv-1', srcIp: '203.0.113.5' }),
    event(dayStart, 126, 'sudo', { host: 'srv-1', object: '/bin/bash' }),
    ...Array.from({ length: 6 }, (_, index) => event(dayStart, 130 + index, 'ssh_accept', { host: `srv-${index + 2}`, srcIp: '203.0.113.5' })),
  ]
}

const users = Array.from({ length: 12 }, (_, index) => `user${String(index).padStart(2, '0')}`)
const weekdays = Array.from({ length: 28 }, (_, index) => index).filter((index) => index % 7 < 5)
const attackDay = weekdays[16]!

function organisation(changeLater?: (series: UserSeries[]) => void): UserSeries[] {
  const series = users.map((user, userIndex) => ({
    user,
    peerGroup: userIndex < 6 ? 'sales' : 'engineering',
    days: weekdays.map((dayIndex) => officeDay(user, userIndex, dayIndex, user === 'user03' && dayIndex === attackDay ? takeover : undefined)),
  }))
  changeLater?.(series)
  return series
}

/** A stand-in Isolation Forest: each row's distance from the column medians, scaled into [0, 1]. */
function distanceFromMedian(matrix: Float64Array[]): Float64Array {
  const columns = matrix[0]?.length ?? 0
  const medians = Array.from({ length: columns }, (_, column) => {
    const values = matrix.map((row) => row[column]!).sort((first, second) => first - second)
    return values[values.length >> 1]!
  })
  return Float64Array.from(matrix, (row) => {
    let total = 0
    row.forEach((value, column) => (total += Math.abs(value - medians[column]!)))
    return 1 - Math.exp(-total / columns)
  })
}

const options: ScoreOptions = { weights: defaultWeights, rules: defaultRules, iforest: distanceFromMedian }

function byKey(days: readonly ScoredDay[]): Map<string, ScoredDay> {
  return new Map(days.map((day) => [`${day.user} ${day.date}`, day]))
}

describe('scoreSeries', () => {
  const scored = scoreSeries(organisation(), options)
  const attackDate = new Date(firstDay + attackDay * dayMs).toISOString().slice(0, 10)

  it('scores every user-day once, user by user, oldest first', () => {
    expect(scored.length).toBe(users.length * weekdays.length)
    expect(scored[0]).toMatchObject({ user: 'user00', date: '2024-03-04', peerGroup: 'sales' })
    expect(scored[weekdays.length]!.user).toBe('user01')
    expect(scored[0]!.features.events).toBe(scored[0]!.events)
  })

  it('makes the takeover day stand out above every other day, for the right reasons', () => {
    const ranked = [...scored].sort((first, second) => second.risk - first.risk)
    const attack = ranked[0]!
    expect(attack).toMatchObject({ user: 'user03', date: attackDate })
    expect(attack.risk).toBeGreaterThan(ranked[1]!.risk + 0.2)
    expect(attack.detectors.rules).toBe(1)
    expect(attack.detectors.baseline).toBeGreaterThan(0.5)
    expect(attack.types).toEqual(expect.arrayContaining(['account_takeover', 'brute_force', 'lateral_movement']))
    expect(attack.facts.some((fact) => fact.key === 'brute-force-then-success')).toBe(true)
    expect(attack.summary).toContain(`On ${attackDate} user03 stood out`)
    expect(attack.summary).toContain('followed by a successful logon from 203.0.113.5')
  })

  it('keeps ordinary days low, the first days of every user included', () => {
    const ordinary = scored.filter((day) => !(day.user === 'user03' && day.date === attackDate))
    expect(Math.max(...ordinary.map((day) => day.risk))).toBeLessThan(0.2)
    const firstDays = scored.filter((day) => day.date <= '2024-03-08')
    expect(Math.max(...firstDays.map((day) => day.risk))).toBeLessThan(0.1)
  })

  it('is point-in-time: changing a later day leaves every earlier day as it was', () => {
    const changed = scoreSeries(
      organisation((series) => {
        const last = series[5]!.days.at(-1)!
        last.events.push(...takeover(last.dayStart))
        last.events.sort((first, second) => first.ts - second.ts)
        series[1]!.days[18] = officeDay('user01', 1, weekdays[18]!, (dayStart) => Array.from({ length: 40 }, (_, index) => event(dayStart, 600 + index, 'file_copy', { attrs: { toRemovableMedia: true } })))
      }),
      options,
    )
    const before = byKey(scored)
    const cutoff = new Date(firstDay + weekdays[18]! * dayMs).toISOString().slice(0, 10)
    let compared = 0
    for (const day of changed) {
      if (day.date >= cutoff) continue
      expect(day).toEqual(before.get(`${day.user} ${day.date}`))
      compared++
    }
    expect(compared).toBe(users.length * 18)
    expect(changed.find((day) => day.user === 'user01' && day.date === cutoff)!.risk).toBeGreaterThan(before.get(`user01 ${cutoff}`)!.risk)
  })

  it('is deterministic', () => {
    expect(scoreSeries(organisation(), options)).toEqual(scored)
  })

  it('applies the weights: with only the rules weighted, risk is the rules score', () => {
    const rulesOnly = scoreSeries(organisation(), { ...options, weights: { baseline: 0, markov: 0, iforest: 0, rules: 1, ocean: 0 } })
    for (const day of rulesOnly) expect(day.risk).toBeCloseTo(day.detectors.rules, 12)
  })

  it('keeps a scanner’s made-up account names (sshd invalid user) low and out of everyone’s baseline', () => {
    const probe = (dayIndex: number, attempts: number): UserDay => {
      const dayStart = firstDay + dayIndex * dayMs
      const events = Array.from({ length: attempts }, (_, index) =>
        event(dayStart, 180 + index * 0.1, 'ssh_invalid_user', { host: 'srv-1', srcIp: '198.51.100.20', attrs: { invalidUser: true } }),
      )
      return { user: 'oracle', date: new Date(dayStart).toISOString().slice(0, 10), dayStart, offsetMinutes: 0, events }
    }
    const series = [...organisation(), { user: 'oracle', peerGroup: '', days: weekdays.map((dayIndex) => probe(dayIndex, dayIndex === attackDay ? 400 : 3)) }]
    const withProbes = scoreSeries(series, options)
    const probes = withProbes.filter((day) => day.user === 'oracle')
    expect(Math.max(...probes.map((day) => day.risk))).toBeLessThanOrEqual(0.25)
    expect(Math.max(...probes.map((day) => day.risk))).toBeLessThan(Math.max(...withProbes.map((day) => day.risk)) / 3)
    const others = byKey(withProbes)
    for (const day of scored) expect(others.get(`${day.user} ${day.date}`)!.detectors.baseline).toBe(day.detectors.baseline)
  })

  it('compares the first working day after a vacation with working days, not with the vacation’s delivered mail', () => {
    // user05 is away for two weeks; only delivered mail lands on those days.
    const away = new Set(weekdays.slice(6, 16))
    const vacation = (dayIndex: number): UserDay => {
      const dayStart = firstDay + dayIndex * dayMs
      const events = Array.from({ length: 6 }, (_, index) => event(dayStart, 480 + index * 90, 'email_view', { object: 'user05@example.com' }))
      return { user: 'user05', date: new Date(dayStart).toISOString().slice(0, 10), dayStart, offsetMinutes: 0, events }
    }
    const series = organisation((all) => {
      all[5]!.days = weekdays.map((dayIndex) => (away.has(dayIndex) ? vacation(dayIndex) : officeDay('user05', 5, dayIndex)))
    })
    const back = scoreSeries(series, options).find((day) => day.user === 'user05' && day.date === new Date(firstDay + weekdays[16]! * dayMs).toISOString().slice(0, 10))!
    expect(back.detectors.baseline).toBeLessThan(0.1)
    expect(back.risk).toBeLessThan(0.1)
  })

  it('counts a rule or a feature that stands out for much of a peer group on one date at half, but never an attack on accounts', () => {
    const day = weekdays[18]!
    const date = new Date(firstDay + day * dayMs).toISOString().slice(0, 10)
    type Extra = (dayStart: number) => ScoredEvent[]
    /** Each user's extra events on `day`. */
    const withExtra = (extras: readonly (readonly [string, Extra])[]): UserSeries[] =>
      organisation((series) => {
        for (const [user, extra] of extras) {
          const entry = series.find((candidate) => candidate.user === user)!
          const index = entry.days.findIndex((candidate) => candidate.date === date)
          const original = entry.days[index]!
          entry.days[index] = { ...original, events: [...original.events, ...extra(original.dayStart)].sort((first, second) => first.ts - second.ts) }
        }
      })
    /** New servers for `who` of the sales group on `day`: a project every colleague joins, or one person's sweep. */
    const newServers = (who: string[], extra: Extra): UserSeries[] => withExtra(who.map((user) => [user, extra] as const))
    const hosts = (dayStart: number): ScoredEvent[] => Array.from({ length: 6 }, (_, index) => event(dayStart, 600 + index, 'ssh_accept', { host: `build-${index}`, srcIp: '10.0.0.1' }))
    const rulesOf = (series: UserSeries[]): ScoredDay => scoreSeries(series, options).find((entry) => entry.user === 'user00' && entry.date === date)!
    const alone = rulesOf(newServers(['user00'], hosts))
    const together = rulesOf(newServers(['user00', 'user01', 'user02'], hosts))
    expect(alone.detectors.rules).toBeGreaterThan(0)
    expect(together.detectors.rules).toBeCloseTo(alone.detectors.rules * 0.5)
    // The share is of the peers with something to count that day (new hosts), not of all six active.
    expect(together.facts.find((fact) => fact.key === 'new-host-burst')?.text).toMatch(/fired for 3 of 3 peers with any to count that day/)
    const oneServer = (dayStart: number): ScoredEvent[] => hosts(dayStart).slice(0, 1)
    const withAnother = withExtra([['user00', hosts], ['user01', hosts], ['user02', hosts], ['user03', oneServer]])
    expect(rulesOf(withAnother).facts.find((fact) => fact.key === 'new-host-burst')?.text).toMatch(/fired for 3 of 4 peers with any to count that day/)
    // The baseline's features likewise: the never-used hosts are the group's day, their excess over the evidence threshold halved.
    const newHostsFact = (day: ScoredDay) => day.facts.find((fact) => fact.key === 'new_hosts')!
    expect(newHostsFact(alone).text).toBe('6 hosts never used before (usually 0)')
    expect(newHostsFact(together).text).toBe('6 hosts never used before (usually 0); above the usual for 3 of 6 active peers that day, so counted at 50 %')
    expect(newHostsFact(together).z! - 2.5).toBeCloseTo((newHostsFact(alone).z! - 2.5) * 0.5, 1)
    expect(together.detectors.baseline).toBeLessThan(alone.detectors.baseline)
    // A brute force that succeeds against three colleagues is three takeovers, not the group's day.
    const takenAlone = rulesOf(newServers(['user00'], takeover))
    const takenTogether = rulesOf(newServers(['user00', 'user01', 'user02'], takeover))
    expect(takenTogether.facts.find((fact) => fact.key === 'brute-force-then-success')?.weight).toBeCloseTo(takenAlone.facts.find((fact) => fact.key === 'brute-force-then-success')!.weight)
    expect(takenTogether.facts.find((fact) => fact.key === 'failed_logons')?.z).toBe(takenAlone.facts.find((fact) => fact.key === 'failed_logons')!.z)
  })

  it('rejects a series whose days are not in date order', () => {
    const series = organisation()
    series[0]!.days.reverse()
    expect(() => scoreSeries(series, options)).toThrow(/not in date order/)
  })
})
