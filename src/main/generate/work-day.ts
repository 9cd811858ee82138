import { hourMs } from './calendar'
import type { Person } from './organisation'
import type { Output } from './output'
import type { Random } from './random'

/** How an attack bends a person's ordinary day (the departing employee's drift). */
export interface Modifiers {
  /** Hours added to the end of the day. */
  endShift: number
  /** Multiplies mail sent. */
  emailFactor: number
}

export const noModifiers: Modifiers = { endShift: 0, emailFactor: 1 }

/** One person's day at work: when, from where, on which machine; what every activity writer reads. */
export interface WorkDay {
  person: Person
  people: readonly Person[]
  random: Random
  out: Output
  dayStart: number
  /** First and last activity, epoch ms. */
  start: number
  end: number
  /** The machine used today (usually the person's own PC) and the address servers see. */
  host: string
  sourceIp: string
  remote: boolean
  weekend: boolean
  /** Multiplies every count today: some days are busy, some are not. */
  volume: number
  modifiers: Modifiers
}

/** A time within the working day, avoiding the lunch hour half of the time. */
export function momentIn(day: WorkDay, from = day.start, to = day.end): number {
  const random = day.random
  let ts = from + random.next() * (to - from)
  const hour = (ts - day.dayStart) / hourMs
  if (hour >= 12 && hour < 13 && random.chance(0.5)) ts = from + random.next() * (to - from)
  return Math.floor(ts)
}

/** The VPN pool address of a person working remotely (stable per person). */
export function vpnAddress(person: Person): string {
  return `10.99.${1 + (person.index >> 8)}.${1 + (person.index & 255)}`
}

/** Where a person's day begins and ends, or null when they do not work today. */
export function planDay(person: Person, random: Random, dayStart: number, weekend: boolean, modifiers: Modifiers): { start: number; end: number; remote: boolean; volume: number } | null {
  const habits = person.habits
  if (weekend) {
    if (!random.chance(habits.weekend)) return null
    const start = 9 + random.next() * 7
    return {
      start: dayStart + start * hourMs,
      end: dayStart + (start + 0.4 + random.next() * 3) * hourMs,
      remote: random.chance(0.85),
      volume: habits.volume * 0.25 * random.logNormal(0, 0.4),
    }
  }
  let start = habits.start + random.normal() * habits.jitter
  let end = habits.end + random.normal() * habits.jitter * 1.2 + modifiers.endShift
  if (random.chance(habits.early)) start = 6 + random.next() * 1.2
  // A deadline, a call with another time zone, catching up at home: ordinary late evenings.
  if (random.chance(habits.late)) end = Math.max(end, 19.5 + random.next() * 3.8)
  if (random.chance(0.05)) end = start + 2 + random.next() * 3 // a half day
  start = Math.max(5, Math.min(start, 13))
  end = Math.max(start + 1, Math.min(end, 23.9))
  return {
    start: dayStart + start * hourMs,
    end: dayStart + end * hourMs,
    remote: random.chance(habits.remote),
    volume: habits.volume * random.logNormal(0, 0.35),
  }
}
