// Logons and logoffs of an ordinary day: the PC (CERT logon.csv and the directory's ECS
// events), the VPN when remote, Windows servers over the network, and, for helpdesk staff,
// other people's PCs.

import { minuteMs } from './calendar'
import { serverNamed } from './catalog-hosts'
import { certLogon } from './formats/cert'
import { ecsLogoff, ecsLogon } from './formats/ecs'
import { type WorkDay, momentIn } from './work-day'

/** A logon to `host` with the person's usual chance of a mistyped password first. */
export function directoryLogon(day: WorkDay, ts: number, host: string, sourceIp: string, logonType: string): void {
  const { person, random, out } = day
  const stream = out.streams.ecsAuthentication
  let at = ts
  if (random.chance(person.habits.typo)) {
    const typos = random.chance(0.8) ? 1 : random.int(2, 3)
    for (let typo = 0; typo < typos; typo++) {
      ecsLogon(stream, at, { user: person.id, host, sourceIp, success: false, logonType })
      at += random.int(4000, 15000)
    }
  }
  ecsLogon(stream, at, { user: person.id, host, sourceIp, success: true, logonType })
}

export function ordinarySessions(day: WorkDay): void {
  const { person, random, out } = day
  const streams = out.streams
  if (day.remote) directoryLogon(day, day.start - random.int(1, 4) * minuteMs, 'vpn01', person.homeIp, 'vpn')
  certLogon(streams.certLogon, random, day.start, person, day.host, 'Logon')
  directoryLogon(day, day.start + random.int(1, 20) * 1000, day.host, day.sourceIp, 'interactive')
  // A locked screen over lunch, a restart after updates.
  const breaks = random.chance(0.35) ? 1 : random.chance(0.1) ? 2 : 0
  for (let index = 0; index < breaks; index++) {
    const off = momentIn(day)
    const on = Math.min(off + random.int(10, 70) * minuteMs, day.end - minuteMs)
    if (on <= off) continue
    certLogon(streams.certLogon, random, off, person, day.host, 'Logoff')
    ecsLogoff(streams.ecsAuthentication, off + 200, { user: person.id, host: day.host, sourceIp: day.sourceIp })
    certLogon(streams.certLogon, random, on, person, day.host, 'Logon')
    directoryLogon(day, on + 300, day.host, day.sourceIp, 'unlock')
  }
  for (const name of person.habits.windowsServers) {
    if (!random.chance(day.weekend ? 0.3 : 0.7)) continue
    directoryLogon(day, momentIn(day), serverNamed(name).name, day.sourceIp, 'network')
  }
  // Hot desks, a colleague's screen, a meeting-room PC: a host seen for the first time is normal.
  if (!day.weekend && random.chance(0.04)) {
    const other = random.chance(0.5) ? random.pick(day.people).workstation : `PC-${random.int(1000, 9999)}`
    const ts = momentIn(day)
    certLogon(streams.certLogon, random, ts, person, other, 'Logon')
    directoryLogon(day, ts + 500, other, day.sourceIp, 'interactive')
    certLogon(streams.certLogon, random, ts + random.int(5, 50) * minuteMs, person, other, 'Logoff')
  }
  const visits = day.weekend ? 0 : random.poisson(person.habits.roaming * day.volume)
  for (let visit = 0; visit < visits; visit++) {
    const colleague = random.pick(day.people)
    const ts = momentIn(day)
    certLogon(streams.certLogon, random, ts, person, colleague.workstation, 'Logon')
    directoryLogon(day, ts + 400, colleague.workstation, colleague.ip, random.chance(0.5) ? 'interactive' : 'remote-interactive')
    certLogon(streams.certLogon, random, ts + random.int(4, 40) * minuteMs, person, colleague.workstation, 'Logoff')
  }
  // Some people never log off: CERT has Logon rows without a Logoff.
  if (random.chance(0.93)) {
    certLogon(streams.certLogon, random, day.end, person, day.host, 'Logoff')
    ecsLogoff(streams.ecsAuthentication, day.end + 400, { user: person.id, host: day.host, sourceIp: day.sourceIp })
  }
}
