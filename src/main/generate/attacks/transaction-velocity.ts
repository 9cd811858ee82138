// Laundering patterns in the payments export: structuring (several transfers just under the
// 10,000 reporting threshold on a few days) or a velocity burst (dozens of transfers in an hour),
// both to counterparties the person has never paid.

import { minuteMs } from '../calendar'
import { shellCounterparties } from '../catalog-people'
import { transfer } from '../formats/transactions'
import type { WorkDay } from '../work-day'
import { type Scenario, someWeekdays } from './scenario'

function structuring(day: WorkDay): void {
  const { random, person, out } = day
  const payees = random.sample(shellCounterparties, random.int(1, 3))
  for (let index = random.int(3, 8); index > 0; index--) {
    const ts = day.start + Math.floor(random.next() * (day.end - day.start))
    transfer(out.streams.transactions, random, ts, { user: person.id, amount: Math.round(random.between(9000, 9990) * 100) / 100, counterparty: random.pick(payees), channel: random.chance(0.5) ? 'wire' : 'online', type: 'payment' })
  }
}

function burst(day: WorkDay): void {
  const { random, person, out } = day
  const payees = random.sample(shellCounterparties, random.int(6, shellCounterparties.length))
  let ts = day.start + Math.floor(random.next() * Math.max(0, day.end - day.start - 2 * 3_600_000))
  for (let index = random.int(25, 60); index > 0; index--) {
    transfer(out.streams.transactions, random, ts, { user: person.id, amount: Math.round(random.between(200, 4000) * 100) / 100, counterparty: random.pick(payees), channel: 'online', type: 'payment' })
    ts += random.int(10, 90) * 1000 + (random.chance(0.1) ? random.int(1, 5) * minuteMs : 0)
  }
}

export const transactionVelocity: Scenario = {
  name: 'transaction_velocity',
  forcesPresence: true,
  fit: (person) => (person.habits.payments > 0 ? 3 : person.habits.card > 0 ? 1 : 0),
  plan(random, _person, range) {
    const structured = random.chance(0.5)
    return { days: structured ? someWeekdays(random, range, random.int(2, 4)) : someWeekdays(random, range, 1), variant: structured ? 'structuring' : 'burst', detail: '' }
  },
  write(day, _worked, plan) {
    if (plan.variant === 'structuring') structuring(day)
    else burst(day)
  },
}
