// Server work (ssh into Linux hosts, sudo for those whose job it is), the connections the
// endpoint agent sees, and payments.

import { minuteMs } from './calendar'
import { servers, serverNamed } from './catalog-hosts'
import { vendors } from './catalog-people'
import { type SshSession, sshLogin, sshLogout, sudo } from './formats/auth-log'
import { ecsConnection } from './formats/ecs'
import { transfer } from './formats/transactions'
import { type WorkDay, momentIn } from './work-day'

const adminCommands: readonly string[] = [
  '/usr/bin/systemctl restart nginx', '/usr/bin/journalctl -u app -n 200', '/usr/bin/apt-get update', '/usr/bin/tail -n 100 /var/log/syslog',
  '/usr/bin/docker ps', '/usr/bin/systemctl status postgresql', '/usr/bin/du -sh /var/lib/docker', '/usr/sbin/reboot',
  '/usr/bin/cat /var/log/nginx/error.log', '/usr/bin/apt-get -y upgrade', '/usr/bin/crontab -l', '/usr/bin/systemctl reload haproxy',
]

const linuxServers = servers.filter((server) => server.linux).map((server) => server.name)

/** An ssh session from the person's machine; `work` runs while it is open. Returns its end. */
export function sshVisit(day: WorkDay, ts: number, server: string, minutes: number, work: (session: SshSession, from: number, to: number) => void): number {
  const { person, random, out } = day
  const password = random.chance(0.15)
  const session = sshLogin(out.streams.authLog, random, {
    ts, server, user: person.id, uid: person.uid, from: day.sourceIp, method: password ? 'password' : 'publickey', typos: password && random.chance(person.habits.typo * 3) ? 1 : 0,
  })
  const end = ts + minutes * minuteMs
  work(session, ts + 5000, end - 5000)
  sshLogout(out.streams.authLog, end, session)
  ecsConnection(out.streams.ecsNetwork, ts - 300, {
    user: person.id, host: day.host, sourceIp: day.sourceIp, destinationIp: serverNamed(server).ip, port: 22, domain: `${server}.halvorsen.example`,
    sent: random.int(4000, 400000), received: random.int(4000, 2000000),
  })
  return end
}

export function ordinaryServers(day: WorkDay): void {
  const { person, random, out } = day
  const habits = person.habits
  if (habits.linuxServers.length > 0) {
    const sessions = random.poisson((habits.sudo > 0 ? 2.5 : 1.4) * day.volume)
    for (let index = 0; index < sessions; index++) {
      // Mostly the usual hosts; sometimes one they have not touched before (a new box, a colleague's).
      const server = random.chance(0.03) ? random.pick(linuxServers) : (habits.linuxServers[random.favourite(habits.linuxServers.length)] as string)
      const start = momentIn(day)
      sshVisit(day, start, server, random.int(3, 90), (session, from, to) => {
        const commands = habits.sudo > 0 ? random.poisson(habits.sudo) : 0
        for (let command = 0; command < commands; command++) sudo(out.streams.authLog, from + random.next() * (to - from), session, random.pick(adminCommands))
      })
    }
  }
  const destinations = [
    { server: 'dc01', port: 88 }, { server: 'dc01', port: 389 }, { server: 'proxy01', port: 8080 }, { server: 'mail01', port: 443 },
    ...habits.windowsServers.map((name) => ({ server: name, port: name === 'fs01' ? 445 : 443 })),
  ]
  const connections = random.poisson(habits.rates.network * day.volume)
  for (let index = 0; index < connections; index++) {
    const destination = destinations[random.favourite(destinations.length, 0.5)] as { server: string; port: number }
    const target = serverNamed(destination.server)
    ecsConnection(out.streams.ecsNetwork, momentIn(day), {
      user: person.id, host: day.host, sourceIp: day.sourceIp, destinationIp: target.ip, port: destination.port, domain: `${target.name}.halvorsen.example`,
      sent: Math.round(random.logNormal(8, 1.2)), received: Math.round(random.logNormal(9.5, 1.5)),
    })
  }
  ordinaryPayments(day)
}

function ordinaryPayments(day: WorkDay): void {
  const { person, random, out } = day
  const habits = person.habits
  if (habits.payments > 0 && !day.weekend) {
    const dayOfMonth = new Date(day.dayStart).getUTCDate()
    const busy = dayOfMonth >= 26 || dayOfMonth <= 2 ? 1.8 : 1 // the payment run at month end
    const count = random.poisson(habits.payments * day.volume * busy)
    for (let index = 0; index < count; index++) {
      const newVendor = random.chance(0.03)
      const counterparty = newVendor ? random.pick(vendors) : (habits.counterparties[random.favourite(habits.counterparties.length)] as string)
      const amount = random.chance(0.08) ? random.int(1, 40) * 1000 : Math.round(random.logNormal(7.8, 1.0) * 100) / 100
      const channel = random.chance(0.45) ? 'ach' : random.chance(0.7) ? 'wire' : 'sepa'
      transfer(out.streams.transactions, random, momentIn(day), { user: person.id, amount, counterparty, channel, type: 'payment', status: random.chance(0.01) ? 'declined' : 'completed' })
    }
  }
  if (habits.card > 0 && random.chance(habits.card)) {
    const count = random.chance(0.8) ? 1 : 2
    for (let index = 0; index < count; index++) {
      const merchant = habits.counterparties[random.favourite(habits.counterparties.length)] as string
      transfer(out.streams.transactions, random, momentIn(day), { user: person.id, amount: Math.round(random.logNormal(4.2, 1.0) * 100) / 100, counterparty: merchant, channel: 'card', type: 'purchase' })
    }
  }
}
