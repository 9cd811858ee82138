import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { ClockAlignment } from './clock-alignment'

// An office of people whose web and file events (dated, UTC) fill their working day, and whose
// sudo and ssh lines (year-less syslog) fall at random moments within it, written at the servers'
// wall clock: the alignment must find that clock, and find nothing where the clocks agree.

const hour = 60 * 60_000
const monday = Date.parse('2024-03-04T00:00:00Z')

/** A small deterministic generator (a linear congruential one) so the office is the same every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

function event(user: string, ts: number, category: NormalizedEvent['category'] = 'web'): NormalizedEvent {
  return { ts, user, host: null, srcIp: null, dstIp: null, category, action: 'http_request', outcome: 'success', object: null, bytes: null, amount: null, attrs: {} }
}

/**
 * `users` people working 07:00–16:00 UTC (each starting up to an hour late) for five days; their
 * syslog lines (40 a day, on the hour's first half) are written `clockMinutes` east of UTC.
 */
function office(users: number, clockMinutes: number): ClockAlignment {
  const random = seeded(7)
  const alignment = new ClockAlignment()
  for (let person = 0; person < users; person++) {
    const user = `user${person}`
    for (let day = 0; day < 5; day++) {
      const start = monday + day * 24 * hour + 7 * hour + random() * hour
      for (let minute = 0; minute < 9 * 60; minute += 10) alignment.addReference(event(user, start + minute * 60_000))
      for (let line = 0; line < 40; line++) alignment.addSample(event(user, start + random() * 9 * hour + clockMinutes * 60_000, 'authentication'))
    }
  }
  return alignment
}

describe('clock alignment', () => {
  it('reads the clock of syslog lines written at UTC+2 beside UTC events of the same people', () => {
    expect(office(12, 120).inferred()).toEqual({ timeZone: 'Etc/GMT-2', minutesEast: 120, stamps: 12 * 5 * 40, basis: 'alignment' })
    expect(office(12, -300).inferred()?.timeZone).toBe('Etc/GMT+5')
    // Half an hour is below what the alignment can tell: India is read at the nearest whole hour.
    expect([300, 360]).toContain(office(12, 330).inferred()?.minutesEast)
  })

  it('finds nothing where the clocks agree, and overrules an assumed offset the lines do not keep', () => {
    expect(office(12, 0).inferred()).toBeNull()
    expect(office(12, 120).inferred(120)).toBeNull()
    // Offsets on other stamps said UTC−5, but these lines are kept in UTC: read them there.
    expect(office(12, 0).inferred(-300)).toEqual({ timeZone: 'UTC', minutesEast: 0, stamps: 12 * 5 * 40, basis: 'alignment' })
  })

  it('believes nothing from a handful of people or lines, nor from people only one source knows', () => {
    expect(office(5, 120).inferred()).toBeNull()
    const strangers = new ClockAlignment()
    for (let line = 0; line < 2_000; line++) {
      strangers.addReference(event(`staff${line % 20}`, monday + 8 * hour + line * 60_000))
      strangers.addSample(event(`contractor${line % 20}`, monday + 10 * hour + line * 60_000))
    }
    expect(strangers.inferred()).toBeNull()
  })

  it('samples only people: system messages and user-less lines are no evidence', () => {
    const alignment = new ClockAlignment()
    expect(alignment.addSample(event('alice', monday))).toBe(true)
    expect(alignment.addSample({ ...event('alice', monday), user: null })).toBe(false)
    expect(alignment.addSample(event('alice', monday, 'system'))).toBe(false)
  })
})
