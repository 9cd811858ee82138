// Legitimate days that look like attacks: real organisations are full of them, and a detector
// that fires on each would bury the analyst. Each is rare, and only for people whose job
// explains it.

import { hourMs, minuteMs } from './calendar'
import { cloudStorageDomains, jobDomains } from './catalog-web'
import { addToGroup, sudo } from './formats/auth-log'
import { ecsGroupAdd, ecsLogon } from './formats/ecs'
import { webRequest } from './normal-communication'
import { copyToRemovable, usbSession, workingFile } from './normal-endpoint'
import { sshVisit } from './normal-servers'
import { directoryLogon } from './normal-sessions'
import { type WorkDay, vpnAddress } from './work-day'

const incidentCommands = ['/usr/bin/systemctl restart app', '/usr/bin/journalctl -u app --since -1h', '/usr/bin/df -h', '/usr/bin/systemctl restart postgresql']

/** On call: paged at night, in over the VPN, a restart with sudo, back to bed. */
function pagedAtNight(day: WorkDay): void {
  const { random, person } = day
  const start = day.dayStart + Math.floor((1 + random.next() * 3.5) * hourMs)
  const night: WorkDay = { ...day, remote: true, sourceIp: vpnAddress(person), start, end: start + random.int(20, 80) * minuteMs }
  directoryLogon(night, start, 'vpn01', person.homeIp, 'vpn')
  const server = random.pick(person.habits.linuxServers)
  sshVisit(night, start + 2 * minuteMs, server, random.int(10, 60), (session, from, to) => {
    for (let index = random.int(1, 4); index > 0; index--) sudo(day.out.streams.authLog, from + random.next() * (to - from), session, random.pick(incidentCommands))
  })
}

/** A video for a client, a data set for a partner: a big upload to a service they already use. */
function bigUpload(day: WorkDay, domain: string): void {
  const { random } = day
  for (let index = random.int(1, 4); index > 0; index--) {
    webRequest(day, day.start + Math.floor(random.next() * (day.end - day.start)), domain, { path: '/upload', method: 'POST', sent: random.int(30e6, 600e6), received: random.int(300, 3000), status: 200 })
  }
}

/** New laptop set-up, an event's photos: dozens of files onto a stick. */
function bigCopy(day: WorkDay): void {
  const { random } = day
  usbSession(day, day.start + Math.floor(random.next() * (day.end - day.start - hourMs)), random.int(15, 60), (at, until) => {
    const copies = random.int(15, 60)
    for (let index = 0; index < copies; index++) copyToRemovable(day, at + Math.floor(((until - at) * index) / copies), workingFile(day))
  })
}

/** The morning after a password change: the old password, several times, then the new one. */
function forgottenPassword(day: WorkDay): void {
  const { random, person, out } = day
  let ts = day.start - random.int(2, 10) * minuteMs
  for (let index = random.int(4, 9); index > 0; index--) {
    ecsLogon(out.streams.ecsAuthentication, ts, { user: person.id, host: day.host, sourceIp: day.sourceIp, success: false, logonType: 'interactive' })
    ts += random.int(5_000, 40_000)
  }
  ecsLogon(out.streams.ecsAuthentication, ts, { user: person.id, host: day.host, sourceIp: day.sourceIp, success: true, logonType: 'interactive' })
}

/** Administration: someone joins a team, so an administrator adds them to its groups. */
function grantAccess(day: WorkDay): void {
  const { random, person, out, people } = day
  const colleague = random.pick(people)
  const ts = day.start + Math.floor(random.next() * (day.end - day.start))
  ecsGroupAdd(out.streams.ecsAuthentication, ts, { actor: person.id, member: colleague.id, group: random.pick(['VPN Users', 'Finance Share', 'Developers', 'Remote Desktop Users', 'Sales Team']), host: 'dc01' })
  if (person.habits.linuxServers.length > 0 && random.chance(0.5)) {
    const server = random.pick(person.habits.linuxServers)
    sshVisit(day, ts + 5 * minuteMs, server, random.int(3, 15), (session, from) => {
      sudo(out.streams.authLog, from, session, `/usr/sbin/usermod -aG docker ${colleague.id}`)
      addToGroup(out.streams.authLog, random, from + 2000, server, colleague.id, 'docker')
    })
  }
}

/** A friend's job ad, a salary check: a few pages on a job board by someone who is not leaving. */
function jobAdLook(day: WorkDay): void {
  const { random } = day
  const board = random.pick(jobDomains)
  const ts = day.start + Math.floor(random.next() * (day.end - day.start))
  for (let index = random.int(1, 5); index > 0; index--) webRequest(day, ts + index * random.int(20_000, 90_000), board, { path: `/jobs/${random.int(10_000, 99_999)}` })
}

export function ordinarySurprises(day: WorkDay): void {
  const { random, person } = day
  const habits = person.habits
  if (habits.sudo > 0 && habits.linuxServers.length > 0 && random.chance(0.03)) pagedAtNight(day)
  const cloud = habits.domains.filter((domain) => cloudStorageDomains.includes(domain))
  if (cloud.length > 0 && !day.weekend && random.chance(0.02)) bigUpload(day, random.pick(cloud))
  if (habits.usb > 0 && !day.weekend && random.chance(0.01)) bigCopy(day)
  if (!day.weekend && random.chance(0.005)) forgottenPassword(day)
  if (!day.weekend && random.chance(0.01)) jobAdLook(day)
  if (person.role === 'Systems Administrator' && !day.weekend && random.chance(0.15)) grantAccess(day)
}
