import { isWeekend } from './calendar'
import { ordinaryMail, ordinaryWeb } from './normal-communication'
import { ordinaryEndpoint } from './normal-endpoint'
import { ordinaryServers } from './normal-servers'
import { ordinarySessions } from './normal-sessions'
import { ordinarySurprises } from './normal-surprises'
import type { Person } from './organisation'
import type { Output } from './output'
import type { Random } from './random'
import { type Modifiers, type WorkDay, planDay, vpnAddress } from './work-day'

/**
 * A person's day as they would live it without any attack (possibly bent by `modifiers`), or
 * the day's frame without activity when `present` is false: attacks still need a frame.
 */
export function ordinaryDay(
  context: { person: Person; people: readonly Person[]; random: Random; out: Output; dayStart: number },
  present: boolean,
  modifiers: Modifiers,
): { day: WorkDay; worked: boolean } {
  const { person, random } = context
  const weekend = isWeekend(context.dayStart)
  const plan = present ? planDay(person, random, context.dayStart, weekend, modifiers) : null
  const frame = plan ?? { start: context.dayStart + 9 * 3_600_000, end: context.dayStart + 17 * 3_600_000, remote: false, volume: person.habits.volume }
  const day: WorkDay = {
    ...context,
    start: Math.floor(frame.start),
    end: Math.floor(frame.end),
    host: person.workstation,
    sourceIp: frame.remote ? vpnAddress(person) : person.ip,
    remote: frame.remote,
    weekend,
    volume: frame.volume,
    modifiers,
  }
  if (plan === null) return { day, worked: false }
  ordinarySessions(day)
  ordinaryEndpoint(day)
  ordinaryMail(day)
  ordinaryWeb(day)
  ordinaryServers(day)
  ordinarySurprises(day)
  return { day, worked: true }
}
