// Hands-on-keyboard movement from the person's PC: discovery commands, then logons and remote
// execution against a burst of hosts the account has never touched.

import { minuteMs } from '../calendar'
import { servers } from '../catalog-hosts'
import { sshLogin, sshLogout } from '../formats/auth-log'
import { ecsConnection, ecsProcess } from '../formats/ecs'
import { directoryLogon } from '../normal-sessions'
import { type WorkDay, momentIn } from '../work-day'
import { type Scenario, consecutiveDays, frame } from './scenario'

const discovery = [
  'C:\\Windows\\System32\\net.exe|view /domain', 'C:\\Windows\\System32\\nltest.exe|/dclist:halvorsen', 'C:\\Windows\\System32\\net.exe|group "Domain Admins" /domain',
  'C:\\Windows\\System32\\whoami.exe|/all', 'C:\\Windows\\System32\\ARP.EXE|-a',
]

function move(day: WorkDay): void {
  const { random, person, out, people } = day
  const from = 10 + random.next() * 8
  const session = frame(day, from, from + 1 + random.next() * 2, false)
  const known = new Set([person.workstation, ...person.habits.windowsServers, ...person.habits.linuxServers])
  const others = people.filter((other) => other !== person && !known.has(other.workstation)).map((other) => ({ name: other.workstation, ip: other.ip, linux: false }))
  const targets = random.sample([...others, ...servers.filter((server) => !known.has(server.name))], random.int(12, 35))
  for (const entry of discovery) {
    const [executable, args] = entry.split('|') as [string, string]
    ecsProcess(out.streams.ecsProcess, momentIn(session, session.start, session.start + 10 * minuteMs), { user: person.id, host: session.host, executable, args, pid: random.int(1000, 40000), parent: 'cmd.exe' })
  }
  for (const target of targets) {
    const ts = momentIn(session, session.start + 10 * minuteMs, session.end)
    if (target.linux && person.habits.linuxServers.length > 0) {
      const hop = sshLogin(out.streams.authLog, random, { ts, server: target.name, user: person.id, uid: person.uid, from: session.sourceIp, method: 'password' })
      sshLogout(out.streams.authLog, ts + random.int(1, 8) * minuteMs, hop)
    } else {
      directoryLogon(session, ts, target.name, session.sourceIp, 'network')
    }
    const port = target.linux ? 22 : random.pick([445, 135, 3389, 5985])
    ecsConnection(out.streams.ecsNetwork, ts - 300, { user: person.id, host: session.host, sourceIp: session.sourceIp, destinationIp: target.ip, port, sent: random.int(2_000, 300_000), received: random.int(2_000, 900_000) })
    if (!target.linux && random.chance(0.6)) {
      const tool = random.chance(0.5) ? { executable: 'C:\\Tools\\PsExec64.exe', args: `\\\\${target.name} -s cmd.exe /c whoami` } : { executable: 'C:\\Windows\\System32\\wbem\\WMIC.exe', args: `/node:${target.name} process call create "cmd.exe /c ipconfig"` }
      ecsProcess(out.streams.ecsProcess, ts + 2000, { user: person.id, host: session.host, ...tool, pid: random.int(1000, 40000), parent: 'cmd.exe' })
    }
  }
}

export const lateralMovement: Scenario = {
  name: 'lateral_movement',
  forcesPresence: true,
  // Helpdesk staff touch many PCs every day: movement hides best there, but it is still the attack.
  fit: (person) => (person.habits.roaming > 1 ? 1 : 2),
  plan(random, _person, range) {
    return { days: consecutiveDays(random, range, random.chance(0.4) ? 2 : 1, true), variant: 'smb', detail: '' }
  },
  write(day) {
    move(day)
  },
}
