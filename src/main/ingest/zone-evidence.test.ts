import { describe, expect, it } from 'vitest'
import { ZoneEvidence, zoneForOffset } from './zone-evidence'

describe('zone evidence', () => {
  const stamps = (offset: string, count: number): string =>
    Array.from({ length: count }, (_, index) => `{"@timestamp":"2024-03-04T10:${String(index % 60).padStart(2, '0')}:00.000${offset}","event":{"action":"logon"}}`).join('\n')

  it('names the offset the stamps agree on, ignoring UTC stamps', () => {
    const evidence = new ZoneEvidence()
    evidence.count(stamps('Z', 500))
    evidence.count(stamps('+00:00', 100))
    evidence.count(stamps('-05:00', 30))
    expect(evidence.inferred()).toEqual({ timeZone: 'Etc/GMT+5', minutesEast: -300, stamps: 30, basis: 'offsets' })
  })

  it('believes nothing from a handful of stamps or from offsets that disagree', () => {
    const few = new ZoneEvidence()
    few.count(stamps('+02:00', 19))
    expect(few.inferred()).toBeNull()
    // Daylight saving within the period (+01:00 and +02:00 in equal parts): no single fixed offset fits.
    const split = new ZoneEvidence()
    split.count(stamps('+01:00', 30))
    split.count(stamps('+02:00', 30))
    expect(split.inferred()).toBeNull()
    expect(new ZoneEvidence().inferred()).toBeNull()
  })

  it('reads rsyslog stamps and compact offsets, not dates or version numbers', () => {
    const evidence = new ZoneEvidence()
    evidence.count(Array.from({ length: 20 }, () => '2024-03-04T09:15:00.123456+0530 host sshd[1]: version 2024-03-04 1.2-05:00').join('\n'))
    expect(evidence.inferred()).toEqual({ timeZone: 'Asia/Kolkata', minutesEast: 330, stamps: 20, basis: 'offsets' })
  })

  it('maps offsets to fixed IANA zones', () => {
    expect(zoneForOffset(0)).toBe('UTC')
    expect(zoneForOffset(120)).toBe('Etc/GMT-2')
    expect(zoneForOffset(-480)).toBe('Etc/GMT+8')
    expect(zoneForOffset(345)).toBe('Asia/Kathmandu')
    expect(zoneForOffset(-150)).toBeNull()
  })
})
