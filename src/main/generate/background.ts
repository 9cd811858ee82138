// What servers log without any employee: cron's root sessions, and the internet guessing
// passwords on the exposed bastion. It is noise every real auth.log has, and it is never labelled.

import { hourMs, minuteMs } from './calendar'
import { cronJob, guessingConnection, invalidUserProbe } from './formats/auth-log'
import type { Output } from './output'
import type { Random } from './random'

const cronServers = ['app01', 'db01', 'web01', 'backup01']
const probedNames = ['admin', 'test', 'oracle', 'ubuntu', 'user', 'postgres', 'git', 'ftpuser', 'guest', 'pi', 'support', 'deploy', 'jenkins', 'minecraft']

export function scannerAddress(random: Random): string {
  return `${random.pick([45, 61, 92, 103, 112, 141, 159, 176, 185, 193, 194, 218])}.${random.int(1, 254)}.${random.int(1, 254)}.${random.int(1, 254)}`
}

export function background(out: Output, random: Random, dayStart: number): void {
  const stream = out.streams.authLog
  for (let hour = 0; hour < 24; hour++) {
    for (const server of cronServers) cronJob(stream, random, dayStart + hour * hourMs + 17 * minuteMs + random.int(0, 900), server)
  }
  const scans = random.poisson(2)
  for (let scan = 0; scan < scans; scan++) {
    const from = scannerAddress(random)
    let ts = dayStart + Math.floor(random.next() * 23 * hourMs)
    const probes = random.int(3, 25)
    for (let probe = 0; probe < probes; probe++) {
      invalidUserProbe(stream, random, ts, 'jump01', random.pick(probedNames), from)
      ts += random.int(2000, 30000)
    }
    if (random.chance(0.5)) guessingConnection(stream, random, ts, 'jump01', 'root', from, random.int(1, 6))
  }
}
