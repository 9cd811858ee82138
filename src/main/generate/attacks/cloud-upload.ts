// Documents gathered, archived and uploaded to a storage service the person has never used:
// a handful of POSTs of tens to hundreds of megabytes through the proxy.

import { words } from '../catalog-people'
import { cloudStorageDomains } from '../catalog-web'
import { ecsFile, ecsProcess } from '../formats/ecs'
import { pageVisit, webRequest } from '../normal-communication'
import type { Person } from '../organisation'
import type { Random } from '../random'
import { type WorkDay, momentIn } from '../work-day'
import { unusualFile } from './off-hours-spree'
import { type Scenario, consecutiveDays, frame } from './scenario'

function freshDomain(random: Random, person: Person): string {
  const unused = cloudStorageDomains.filter((domain) => !person.habits.domains.includes(domain))
  return random.pick(unused.length > 0 ? unused : cloudStorageDomains)
}

function upload(day: WorkDay, domain: string): void {
  const { random, person, out } = day
  const from = random.chance(0.6) ? 10 + random.next() * 7 : 19 + random.next() * 2.5
  const session = frame(day, from, from + 0.5 + random.next() * 1.2, false)
  const archive = `C:\\Users\\${person.id}\\AppData\\Local\\Temp\\${random.pick(words)}-${random.int(1, 99)}.7z`
  for (let index = random.int(10, 40); index > 0; index--) {
    ecsFile(out.streams.ecsFile, momentIn(session, session.start, session.start + 600_000), { user: person.id, host: session.host, verb: 'open', path: unusualFile(session), size: random.int(50_000, 20_000_000), process: '7z.exe' })
  }
  ecsProcess(out.streams.ecsProcess, session.start + 610_000, { user: person.id, host: session.host, executable: 'C:\\Program Files\\7-Zip\\7z.exe', args: `a -mhe=on -p ${archive} \\\\fs01\\*`, pid: random.int(1000, 40000), parent: 'explorer.exe' })
  ecsFile(out.streams.ecsFile, session.start + 700_000, { user: person.id, host: session.host, verb: 'create', path: archive, size: random.int(50e6, 900e6), process: '7z.exe' })
  webRequest(session, session.start + 720_000, domain, { path: '/login', method: 'GET' })
  pageVisit(session, session.start + 720_500, domain, 'WWW Visit', '/login')
  for (let index = random.int(3, 15); index > 0; index--) {
    const ts = momentIn(session, session.start + 760_000, session.end)
    webRequest(session, ts, domain, { path: `/upload/${random.code(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, method: random.chance(0.8) ? 'POST' : 'PUT', sent: random.int(20e6, 400e6), received: random.int(300, 2000), status: 200 })
    pageVisit(session, ts + 400, domain, 'WWW Upload', '/upload')
  }
}

export const cloudUpload: Scenario = {
  name: 'cloud_upload',
  forcesPresence: true,
  fit: () => 1,
  plan(random, person, range) {
    return { days: consecutiveDays(random, range, random.chance(0.4) ? 2 : 1, true), variant: 'proxy', detail: freshDomain(random, person) }
  },
  write(day, _worked, plan) {
    upload(day, plan.detail)
  },
}
