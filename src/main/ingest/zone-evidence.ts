// The organisation's clock, read from the logs themselves. Timestamps that carry an offset
// (rsyslog's ISO stamps, ECS written by a converter) say where their writer's wall clock was;
// RFC 3164 lines, written by the same kind of machines, carry none. When a first import names no
// zone, the year-less lines are read in the offset the dated ones agree on, and the workspace
// counts its days in it: an office at UTC−5 then has its evenings on the right day and its night
// work at night. `Z` and +00:00 are no evidence: Elastic and most exporters write UTC whatever the
// office's clock, so only a non-zero offset says something about the office.

/** ISO 8601 date-time with an explicit non-Z offset: `2024-03-01T09:15:00.123-05:00`. */
const offsetStamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?([+-])(\d{2}):?(\d{2})(?![\d:])/g

/** Stamps with a non-zero offset needed before an offset is believed, and the share the commonest must have. */
const minimumStamps = 20
const agreement = 0.8

/**
 * IANA zones without daylight saving for offsets that are not whole hours (Etc/GMT covers those);
 * an office on such an offset is in one of these.
 */
const fractionalZones: Readonly<Record<number, string>> = {
  [3 * 60 + 30]: 'Asia/Tehran',
  [4 * 60 + 30]: 'Asia/Kabul',
  [5 * 60 + 30]: 'Asia/Kolkata',
  [5 * 60 + 45]: 'Asia/Kathmandu',
  [6 * 60 + 30]: 'Asia/Yangon',
  [9 * 60 + 30]: 'Australia/Darwin',
  [-(9 * 60 + 30)]: 'Pacific/Marquesas',
}

/** A fixed-offset IANA zone for minutes east of UTC, or null when none is known. */
export function zoneForOffset(minutesEast: number): string | null {
  if (minutesEast === 0) return 'UTC'
  if (minutesEast % 60 === 0) {
    const hours = minutesEast / 60
    // Etc/GMT's sign is POSIX's: Etc/GMT+5 is five hours west.
    if (hours < -12 || hours > 14) return null
    return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`
  }
  return fractionalZones[minutesEast] ?? null
}

/** The zone the logs' clocks were read to be in. */
export interface InferredZone {
  timeZone: string
  minutesEast: number
  /** How many stamps carried that offset, or how many year-less lines were aligned (see `ClockAlignment`). */
  stamps: number
  basis: 'offsets' | 'alignment'
}

/** Counts the offsets of the timestamps in the first bytes of each imported file. */
export class ZoneEvidence {
  private readonly counts = new Map<number, number>()

  count(text: string): void {
    for (const match of text.matchAll(offsetStamp)) {
      const minutes = Number(match[2]) * 60 + Number(match[3])
      if (minutes === 0 || minutes > 14 * 60) continue
      const east = match[1] === '-' ? -minutes : minutes
      this.counts.set(east, (this.counts.get(east) ?? 0) + 1)
    }
  }

  /** The offset nearly all non-zero stamps share, as a zone; null when there are too few or they disagree. */
  inferred(): InferredZone | null {
    let total = 0
    let best: { minutesEast: number; stamps: number } | null = null
    for (const [minutesEast, stamps] of this.counts) {
      total += stamps
      if (best === null || stamps > best.stamps || (stamps === best.stamps && minutesEast < best.minutesEast)) best = { minutesEast, stamps }
    }
    if (best === null || total < minimumStamps || best.stamps < agreement * total) return null
    const timeZone = zoneForOffset(best.minutesEast)
    return timeZone === null ? null : { timeZone, ...best, basis: 'offsets' }
  }
}
