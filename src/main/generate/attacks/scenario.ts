import { hourMs } from '../calendar'
import type { Person } from '../organisation'
import type { Random } from '../random'
import { type Modifiers, type WorkDay, vpnAddress } from '../work-day'

export const scenarioNames = [
  'off_hours_spree',
  'brute_force_takeover',
  'removable_media_exfiltration',
  'lateral_movement',
  'privilege_escalation',
  'cloud_upload',
  'departing_employee',
  'transaction_velocity',
] as const
export type ScenarioName = (typeof scenarioNames)[number]

/** One attack on one person: which days it runs (indexes into the generated range) and how. */
export interface AttackPlan {
  scenario: ScenarioName
  person: Person
  days: number[]
  /** Which form the attack takes (`ssh` or `vpn` brute force, `structuring` or `burst` AML, …). */
  variant: string
  /** A stable per-plan value (attacker address, chosen domain, …). */
  detail: string
}

/** The window attacks may use: days before `first` are left clean so baselines can form. */
export interface DayRange {
  first: number
  last: number
  count: number
  isWeekday(index: number): boolean
}

/** One attack kind, as plain data plus functions (like parsers and detectors). */
export interface Scenario {
  readonly name: ScenarioName
  /** How well the attack fits a person: 0 = not at all; higher is chosen first. */
  fit(person: Person): number
  /** Days, variant and detail for one victim. */
  plan(random: Random, person: Person, range: DayRange): Omit<AttackPlan, 'scenario' | 'person'>
  /** The person turns up on attack days even if they had planned a day off. */
  readonly forcesPresence: boolean
  /** How the attack bends the ordinary day (slow drift); undefined for none. */
  modifiers?(plan: AttackPlan, dayIndex: number): Modifiers
  /** Writes the attack's lines on its `step`-th day; `worked` says whether an ordinary day happened too. */
  write(day: WorkDay, worked: boolean, plan: AttackPlan, step: number): void
}

/** `count` consecutive days from a random start in the range (weekdays only when asked). */
export function consecutiveDays(random: Random, range: DayRange, count: number, weekdaysOnly: boolean, last = range.last): number[] {
  const starts: number[] = []
  for (let start = range.first; start + count - 1 <= last; start++) starts.push(start)
  for (let attempt = 0; attempt < 50 && starts.length > 0; attempt++) {
    const start = random.pick(starts)
    const days = Array.from({ length: count }, (_, offset) => start + offset)
    if (!weekdaysOnly || days.every((index) => range.isWeekday(index))) return days
  }
  const fallback = Array.from({ length: Math.min(count, last - range.first + 1) }, (_, offset) => range.first + offset)
  const weekdays = fallback.filter((index) => range.isWeekday(index))
  return weekdaysOnly && weekdays.length > 0 ? weekdays : fallback
}

/** `count` distinct weekdays in the range, in order. */
export function someWeekdays(random: Random, range: DayRange, count: number): number[] {
  const weekdays: number[] = []
  for (let index = range.first; index <= range.last; index++) if (range.isWeekday(index)) weekdays.push(index)
  const chosen = random.sample(weekdays.length > 0 ? weekdays : [range.last], count)
  return chosen.sort((left, right) => left - right)
}

/** The same person at another time and place: `from`/`to` in hours after the day's midnight. */
export function frame(day: WorkDay, from: number, to: number, remote: boolean): WorkDay {
  return {
    ...day,
    start: Math.floor(day.dayStart + from * hourMs),
    end: Math.floor(day.dayStart + to * hourMs),
    remote,
    sourceIp: remote ? vpnAddress(day.person) : day.person.ip,
    host: day.person.workstation,
  }
}
