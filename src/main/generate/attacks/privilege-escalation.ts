// Someone who never used root gets it: on Linux a refused sudo, a root shell, their account
// added to the sudo group and a new local account; on Windows, local admin discovery and the
// account added to Domain Admins. A later day uses the new rights.

import { hourMs } from '../calendar'
import { addToGroup, newAccount, suToRoot, sudo, sudoRefused } from '../formats/auth-log'
import { ecsGroupAdd, ecsProcess } from '../formats/ecs'
import { sshVisit } from '../normal-servers'
import { directoryLogon } from '../normal-sessions'
import { type WorkDay, momentIn } from '../work-day'
import { type Scenario, consecutiveDays, frame } from './scenario'

function linux(day: WorkDay, first: boolean): void {
  const { random, person, out } = day
  const stream = out.streams.authLog
  const server = random.pick(person.habits.linuxServers)
  const session = frame(day, 11 + random.next() * 8, 0, false)
  sshVisit(session, session.start, server, random.int(20, 60), (ssh, from, to) => {
    let ts = from + (to - from) * 0.1
    if (first) {
      sudoRefused(stream, ts, ssh, '/bin/bash')
      ecsProcess(out.streams.ecsProcess, ts + 60_000, { user: person.id, host: server, executable: '/usr/bin/pkexec', args: '', pid: random.int(2000, 60000), parent: 'bash' })
      suToRoot(stream, random, ts + 120_000, ssh)
      addToGroup(stream, random, ts + 180_000, server, person.id, 'sudo')
      newAccount(stream, random, ts + 240_000, server, `svc-${random.pick(['backup', 'sync', 'monitor'])}${random.int(1, 9)}`, random.int(1500, 1900))
      ts += 300_000
    }
    for (const command of ['/bin/bash', '/usr/bin/cat /etc/shadow', '/usr/bin/tar czf /tmp/etc.tgz /etc']) {
      sudo(stream, ts, ssh, command)
      ts += random.int(20_000, 200_000)
    }
  })
}

function windows(day: WorkDay, first: boolean): void {
  const { random, person, out } = day
  const session = frame(day, 10 + random.next() * 8, 0, false)
  session.end = session.start + Math.floor((0.5 + random.next()) * hourMs)
  const steps = first
    ? ['C:\\Windows\\System32\\whoami.exe|/priv', 'C:\\Windows\\System32\\net.exe|localgroup administrators', `C:\\Windows\\System32\\runas.exe|/user:HALVORSEN\\adm-${person.id} cmd.exe`, `C:\\Windows\\System32\\net.exe|group "Domain Admins" ${person.id} /add /domain`]
    : ['C:\\Windows\\System32\\net.exe|user /domain', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe|-ep bypass Get-ADUser -Filter *']
  for (const step of steps) {
    const [executable, args] = step.split('|') as [string, string]
    ecsProcess(out.streams.ecsProcess, momentIn(session), { user: person.id, host: session.host, executable, args, pid: random.int(1000, 40000), parent: 'cmd.exe' })
  }
  if (first) ecsGroupAdd(out.streams.ecsAuthentication, momentIn(session), { actor: person.id, member: person.id, group: 'Domain Admins', host: 'dc01' })
  directoryLogon(session, momentIn(session), 'dc01', session.sourceIp, 'remote-interactive')
  directoryLogon(session, momentIn(session), 'dc02', session.sourceIp, 'network')
}

export const privilegeEscalation: Scenario = {
  name: 'privilege_escalation',
  forcesPresence: true,
  // Best: a Linux user without sudo rights; anyone else takes the Windows form.
  fit: (person) => (person.habits.linuxServers.length > 0 && person.habits.sudo === 0 ? 3 : person.habits.sudo > 0 ? 0 : 1),
  plan(random, person, range) {
    return { days: consecutiveDays(random, range, random.chance(0.5) ? 2 : 1, true), variant: person.habits.linuxServers.length > 0 && person.habits.sudo === 0 ? 'linux' : 'windows', detail: '' }
  },
  write(day, _worked, plan, step) {
    if (plan.variant === 'linux') linux(day, step === 0)
    else windows(day, step === 0)
  },
}
