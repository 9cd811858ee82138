// Night sessions on two or three nights in a row: logons from home or on site in the small
// hours, a sweep through shares the person rarely opens, mail to a private address.

import { minuteMs } from '../calendar'
import { departmentShares, sensitiveFiles } from '../catalog-hosts'
import { words } from '../catalog-people'
import { certFile, certLogon, fileContent } from '../formats/cert'
import { ecsFile, ecsLogoff, ecsProcess } from '../formats/ecs'
import { sudo } from '../formats/auth-log'
import { nextDomain, sendMail, webRequest } from '../normal-communication'
import { workingFile } from '../normal-endpoint'
import { sshVisit } from '../normal-servers'
import { directoryLogon } from '../normal-sessions'
import { type WorkDay, momentIn } from '../work-day'
import { type Scenario, consecutiveDays, frame } from './scenario'

/** A path somewhere on the file server, outside the person's usual folders. */
export function unusualFile(day: WorkDay): string {
  const { random } = day
  if (random.chance(0.4)) return `${random.pick(sensitiveFiles)}-${random.int(2019, 2024)}.${random.pick(['xlsx', 'docx', 'pdf', 'zip'])}`
  const share = random.pick(Object.values(departmentShares))
  return `${share.share}\\${random.pick(words)}\\${random.pick(words)}-${random.pick(words)}.${random.pick(share.extensions)}`
}

function night(day: WorkDay): void {
  const { random, person, out } = day
  const streams = out.streams
  const remote = random.chance(0.7)
  const start = 22.5 + random.next() * 3.5
  const session = frame(day, start, start + 1.5 + random.next() * 2.5, remote)
  if (remote) directoryLogon(session, session.start - 2 * minuteMs, 'vpn01', person.homeIp, 'vpn')
  certLogon(streams.certLogon, random, session.start, person, session.host, 'Logon')
  directoryLogon(session, session.start + 5000, session.host, session.sourceIp, 'interactive')
  const opens = random.int(40, 160)
  for (let index = 0; index < opens; index++) {
    const ts = momentIn(session)
    const path = random.chance(0.6) ? unusualFile(session) : workingFile(session)
    ecsFile(streams.ecsFile, ts, { user: person.id, host: session.host, verb: 'open', path, size: random.int(20_000, 9_000_000), process: 'explorer.exe' })
    if (random.chance(0.5)) {
      certFile(streams.certFile, random, ts + 50, person, { pc: session.host, path, activity: 'File Open', toRemovable: false, fromRemovable: false, content: fileContent(random, path, words) })
    }
  }
  const programs = person.habits.programs
  for (let index = random.int(5, 20); index > 0; index--) {
    const program = random.pick(programs)
    ecsProcess(streams.ecsProcess, momentIn(session), { user: person.id, host: session.host, executable: program.path.replace('%USER%', person.id), args: program.args, pid: random.int(1000, 40000), parent: 'explorer.exe' })
  }
  for (let index = random.int(10, 40); index > 0; index--) webRequest(session, momentIn(session), nextDomain(session))
  const mails = random.int(2, 6)
  const privateAddress = `${person.id}.home@gmail.com`
  for (let index = 0; index < mails; index++) {
    sendMail(session, momentIn(session), [privateAddress], [`\\\\fs01\\${random.pick(words)}\\${random.pick(words)}.xlsx(${random.int(100_000, 4_000_000)})`])
  }
  const servers = person.habits.linuxServers
  if (servers.length > 0) {
    sshVisit(session, momentIn(session), random.pick(servers), random.int(10, 60), (ssh, from, to) => {
      if (person.habits.sudo > 0) sudo(streams.authLog, from + random.next() * (to - from), ssh, '/usr/bin/tar czf /tmp/home-backup.tgz /home')
    })
  }
  certLogon(streams.certLogon, random, session.end, person, session.host, 'Logoff')
  ecsLogoff(streams.ecsAuthentication, session.end + 300, { user: person.id, host: session.host, sourceIp: session.sourceIp })
}

export const offHoursSpree: Scenario = {
  name: 'off_hours_spree',
  forcesPresence: false,
  fit: () => 1,
  plan(random, _person, range) {
    // The last night may run past midnight: it must not start on the range's last day.
    return { days: consecutiveDays(random, range, random.int(2, 3), false, range.last - 1), variant: 'night', detail: '' }
  },
  write(day) {
    night(day)
  },
}
