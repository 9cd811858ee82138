// A slow drift over weeks before someone leaves: longer evenings, fewer mails, job boards,
// more documents opened and more of them copied to USB. Nothing on one day is dramatic.

import { words } from '../catalog-people'
import { jobDomains } from '../catalog-web'
import { certFile, fileContent } from '../formats/cert'
import { ecsFile } from '../formats/ecs'
import { pageVisit, sendMail, webRequest } from '../normal-communication'
import { copyToRemovable, usbSession, workingFile } from '../normal-endpoint'
import { type WorkDay, momentIn } from '../work-day'
import { unusualFile } from './off-hours-spree'
import type { AttackPlan, Scenario } from './scenario'

/** 0 on the drift's first day, 1 on its last. */
function intensity(plan: AttackPlan, dayIndex: number): number {
  const first = plan.days[0] as number
  const last = plan.days[plan.days.length - 1] as number
  return last === first ? 1 : Math.max(0, Math.min(1, (dayIndex - first) / (last - first)))
}

/** Below this the drift only bends the ordinary day; from here on it adds its own activity. */
const visible = 0.2

function drift(day: WorkDay, level: number): void {
  const { random, person, out } = day
  const evening = { ...day, start: Math.max(day.start, day.end - 3 * 3_600_000) }
  for (let index = 1 + random.poisson(7 * level); index > 0; index--) {
    const ts = momentIn(random.chance(0.5) ? evening : day)
    const board = random.chance(0.35) ? 'www.linkedin.com' : random.pick(jobDomains)
    const path = board === 'www.linkedin.com' ? `/jobs/view/${random.int(3_000_000, 3_999_999)}` : `/jobs/${random.pick(words)}-${random.pick(['manager', 'analyst', 'engineer', 'specialist'])}`
    webRequest(day, ts, board, { path })
    pageVisit(day, ts + 300, board, 'WWW Visit', path)
  }
  for (let index = random.poisson(20 * level); index > 0; index--) {
    const path = random.chance(0.5) ? unusualFile(day) : workingFile(day)
    const ts = momentIn(evening)
    ecsFile(out.streams.ecsFile, ts, { user: person.id, host: day.host, verb: 'open', path, size: random.int(20_000, 5_000_000), process: 'explorer.exe' })
    certFile(out.streams.certFile, random, ts + 60, person, { pc: day.host, path, activity: 'File Open', toRemovable: false, fromRemovable: false, content: fileContent(random, path, words) })
  }
  if (random.chance(0.6 * level)) {
    usbSession(day, momentIn(evening), random.int(10, 40), (at, until) => {
      const copies = 5 + random.poisson(40 * level)
      for (let index = 0; index < copies; index++) copyToRemovable(day, at + Math.floor(((until - at) * index) / copies), random.chance(0.5) ? unusualFile(day) : workingFile(day))
    })
  }
  if (random.chance(0.4 * level)) sendMail(day, momentIn(evening), [`${person.id}.private@gmail.com`], [`\\\\fs01\\${random.pick(words)}\\${random.pick(words)}.docx(${random.int(100_000, 3_000_000)})`])
}

export const departingEmployee: Scenario = {
  name: 'departing_employee',
  forcesPresence: true,
  fit: (person) => (person.habits.roaming > 1 ? 0.5 : 1),
  plan(_random, _person, range) {
    // The drift runs to the end of the range over the later half of it (weeks, at 30+ days).
    const length = Math.max(5, Math.round(range.count * 0.55))
    const first = Math.max(1, range.count - length)
    return { days: Array.from({ length: range.count - first }, (_, offset) => first + offset), variant: 'drift', detail: '' }
  },
  modifiers(plan, dayIndex) {
    const level = intensity(plan, dayIndex)
    return { endShift: 2.5 * level, emailFactor: 1 - 0.6 * level }
  },
  write(day, worked, plan, step) {
    const level = intensity(plan, plan.days[step] as number)
    if (worked && level >= visible) drift(day, level)
  },
}
