import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AttackLabel, Labels } from '../eval/labels'
import { scenarioNamed, planAttacks } from './attacks'
import type { AttackPlan } from './attacks/scenario'
import { background } from './background'
import { dateOf, dayMs, isWeekend } from './calendar'
import { directoryTable, psychometricTable } from './formats/cert'
import { ordinaryDay } from './normal-day'
import { type Person, buildOrganisation } from './organisation'
import { type Marks, Output, streamFiles, streamNames } from './output'
import { Random, mixSeed } from './random'
import { noModifiers } from './work-day'

export interface GenerateOptions {
  users: number
  days: number
  /** Output folder, created when missing: logs go to `logs/` in it, the ground truth to `labels.json`. */
  directory: string
  seed: number
  /** Epoch ms of the first day's midnight (UTC). */
  start: number
  /** Victims per scenario; default: one per hundred users, at least one. */
  perScenario?: number
}

/**
 * Where the log files go inside the output folder: apart from labels.json, so that importing
 * `DIR/logs` reads nothing but logs (the ground truth is no log format, and must not be one).
 */
export const logsFolder = 'logs'

/** One written file: where, which parser reads it, how many rows and bytes. */
export interface GeneratedFile {
  path: string
  format: string
  rows: number
  bytes: number
}

export interface GenerateResult {
  files: GeneratedFile[]
  labels: Labels
}

/** Vacations and sick days: the day indexes a person is away. */
function absences(seed: number, person: Person, days: number): Set<number> {
  const random = new Random(mixSeed(seed, 4, person.index))
  const away = new Set<number>()
  if (random.chance(Math.min(0.8, days / 60))) {
    const length = random.int(3, 8)
    const first = random.int(0, Math.max(0, days - length))
    for (let index = first; index < first + length; index++) away.add(index)
  }
  for (let index = 0; index < days; index++) if (random.chance(0.015)) away.add(index)
  return away
}

/**
 * Writes a synthetic organisation's logs into `options.directory`, day by day, and returns what
 * was written with the ground truth (also written as labels.json). Same options, same bytes.
 */
export function generateOrganisation(options: GenerateOptions): GenerateResult {
  const { seed, days, start } = options
  const people = buildOrganisation(seed, options.users)
  const range = { first: Math.max(2, Math.floor(days * 0.4)), last: days - 1, count: days, isWeekday: (index: number) => !isWeekend(start + index * dayMs) }
  const plans = planAttacks(seed, people, range, options.perScenario ?? Math.max(1, Math.round(options.users / 100)))
  const planOf = new Map<number, AttackPlan>(plans.map((plan) => [plan.person.index, plan]))
  const marks = new Map<AttackPlan, Marks>(plans.map((plan) => [plan, { dates: new Set(), streams: new Set() }]))
  const logs = join(options.directory, logsFolder)
  mkdirSync(logs, { recursive: true })
  const out = new Output(logs)
  const away = people.map((person) => absences(seed, person, days))

  for (let dayIndex = 0; dayIndex < days; dayIndex++) {
    const dayStart = start + dayIndex * dayMs
    background(out, new Random(mixSeed(seed, 1, dayIndex)), dayStart)
    for (const person of people) {
      const plan = planOf.get(person.index)
      const scenario = plan ? scenarioNamed(plan.scenario) : null
      const step = plan ? plan.days.indexOf(dayIndex) : -1
      const modifiers = plan && scenario?.modifiers ? scenario.modifiers(plan, dayIndex) : noModifiers
      const forced = step >= 0 && scenario !== null && scenario.forcesPresence && !isWeekend(dayStart)
      const random = new Random(mixSeed(seed, 2, person.index, dayIndex))
      const { day, worked } = ordinaryDay({ person, people, random, out, dayStart }, forced || !away[person.index]?.has(dayIndex), modifiers)
      if (plan && scenario && step >= 0) {
        // Its own random stream: the ordinary day stays what it would have been without the attack.
        const attackDay = { ...day, random: new Random(mixSeed(seed, 3, person.index, dayIndex)) }
        out.marked(marks.get(plan) as Marks, () => scenario.write(attackDay, worked, plan, step))
      }
    }
    out.flush(dayStart + dayMs)
  }
  out.close()

  const profiles = [
    { path: 'cert/psychometric.csv', text: psychometricTable(people) },
    { path: `cert/LDAP/${dateOf(start).slice(0, 7)}.csv`, text: directoryTable(people) },
  ]
  mkdirSync(join(logs, 'cert', 'LDAP'), { recursive: true })
  for (const profile of profiles) writeFileSync(join(logs, profile.path), profile.text)
  const attacks: AttackLabel[] = plans
    .map((plan) => {
      const record = marks.get(plan) as Marks
      return {
        user: plan.person.id,
        scenario: plan.scenario,
        days: [...record.dates].sort(),
        variant: plan.variant,
        sources: [...record.streams].map((name) => `${logsFolder}/${streamFiles[name].path}`).sort(),
      }
    })
    .filter((attack) => attack.days.length > 0)
  const labels: Labels = { seed, start: dateOf(start), end: dateOf(start + (days - 1) * dayMs), users: people.map((person) => person.id), attacks }
  writeFileSync(join(options.directory, 'labels.json'), JSON.stringify(labels, null, 2) + '\n')
  const files: GeneratedFile[] = streamNames.map((name) => {
    const sink = out.streams[name].sink
    return { path: `${logsFolder}/${streamFiles[name].path}`, format: streamFiles[name].format, rows: sink.rows, bytes: sink.bytes }
  })
  for (const profile of profiles) files.push({ path: `${logsFolder}/${profile.path}`, format: 'cert-insider', rows: people.length, bytes: Buffer.byteLength(profile.text) })
  return { files, labels }
}
