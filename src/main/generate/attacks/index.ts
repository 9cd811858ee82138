import type { Person } from '../organisation'
import { Random, hashText, mixSeed } from '../random'
import { bruteForceTakeover } from './brute-force'
import { cloudUpload } from './cloud-upload'
import { departingEmployee } from './departing-employee'
import { lateralMovement } from './lateral-movement'
import { offHoursSpree } from './off-hours-spree'
import { privilegeEscalation } from './privilege-escalation'
import { removableMediaExfiltration } from './removable-media'
import type { AttackPlan, DayRange, Scenario, ScenarioName } from './scenario'
import { transactionVelocity } from './transaction-velocity'

/**
 * Every attack kind, as a plain array. Victims are chosen in this order, so the scenarios with
 * the narrowest fit (payments staff, Linux users without sudo) choose before the others.
 */
export const scenarios: readonly Scenario[] = [
  transactionVelocity,
  privilegeEscalation,
  bruteForceTakeover,
  lateralMovement,
  removableMediaExfiltration,
  cloudUpload,
  departingEmployee,
  offHoursSpree,
]

export function scenarioNamed(name: ScenarioName): Scenario {
  const scenario = scenarios.find((candidate) => candidate.name === name)
  if (!scenario) throw new Error(`no scenario named ${name}`)
  return scenario
}

/**
 * `perScenario` victims for each scenario, each person attacked at most once; the best-fitting
 * people first, ties broken at random. A scenario nobody fits is left out.
 */
export function planAttacks(seed: number, people: readonly Person[], range: DayRange, perScenario: number): AttackPlan[] {
  const taken = new Set<number>()
  const plans: AttackPlan[] = []
  for (const scenario of scenarios) {
    const random = new Random(mixSeed(seed, hashText(scenario.name)))
    const candidates = people
      .filter((person) => !taken.has(person.index) && scenario.fit(person) > 0)
      .map((person) => ({ person, rank: scenario.fit(person) + random.next() * 0.5 }))
      .sort((left, right) => right.rank - left.rank || left.person.index - right.person.index)
    for (const { person } of candidates.slice(0, perScenario)) {
      taken.add(person.index)
      plans.push({ scenario: scenario.name, person, ...scenario.plan(random, person, range) })
    }
  }
  return plans
}
