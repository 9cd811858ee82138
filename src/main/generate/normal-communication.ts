// Mail (CERT email.csv) and the web (proxy requests as ECS, page visits as CERT http.csv).

import { words } from './catalog-people'
import { sanctionedUploadDomains, tailDomain } from './catalog-web'
import { certEmail, certHttp } from './formats/cert'
import { ecsWeb } from './formats/ecs'
import type { Random } from './random'
import { type WorkDay, momentIn } from './work-day'

function phrase(random: Random, count: number): string {
  let text = random.pick(words)
  for (let index = 1; index < count; index++) text += ' ' + random.pick(words)
  return text
}

export function urlPath(random: Random): string {
  return `/${random.pick(words)}/${random.pick(words)}${random.chance(0.3) ? `/${random.int(100, 99999)}` : ''}`
}

/** One proxy request. */
export function webRequest(day: WorkDay, ts: number, domain: string, at: { path?: string; method?: string; sent?: number; received?: number; status?: number } = {}): void {
  const random = day.random
  ecsWeb(day.out.streams.ecsWeb, ts, {
    user: day.person.id,
    host: day.host,
    sourceIp: day.sourceIp,
    domain,
    path: at.path ?? urlPath(random),
    method: at.method ?? 'GET',
    status: at.status ?? (random.chance(0.9) ? 200 : random.chance(0.6) ? 304 : 404),
    sent: at.sent ?? random.int(300, 1800),
    received: at.received ?? Math.round(random.logNormal(10, 1.4)),
  })
}

/** One CERT http.csv row. */
export function pageVisit(day: WorkDay, ts: number, domain: string, activity: 'WWW Visit' | 'WWW Download' | 'WWW Upload', path?: string): void {
  const random = day.random
  certHttp(day.out.streams.certHttp, random, ts, day.person, { pc: day.host, url: `http://${domain}${path ?? urlPath(random)}`, activity, content: phrase(random, random.int(3, 8)) })
}

/** Where the person browses next: a favourite, or now and then somewhere new. */
export function nextDomain(day: WorkDay): string {
  const { random, person } = day
  if (random.chance(person.habits.novelty)) return tailDomain((count) => random.int(0, count - 1))
  const domains = person.habits.domains
  return domains[random.favourite(domains.length)] as string
}

export function ordinaryWeb(day: WorkDay): void {
  const { person, random } = day
  const requests = random.poisson(person.habits.rates.web * day.volume)
  for (let index = 0; index < requests; index++) {
    const ts = momentIn(day)
    if (random.chance(0.04)) {
      // Saving to SharePoint / OneDrive, attaching in webmail: uploads are part of every day.
      webRequest(day, ts, random.pick(sanctionedUploadDomains), { method: random.chance(0.7) ? 'POST' : 'PUT', sent: Math.round(random.logNormal(12, 1.3)), received: random.int(200, 3000) })
    } else {
      webRequest(day, ts, nextDomain(day), random.chance(0.03) ? { method: 'POST', sent: random.int(400, 9000) } : {})
    }
  }
  const visits = random.poisson(person.habits.rates.http * day.volume)
  for (let index = 0; index < visits; index++) {
    const ts = momentIn(day)
    const roll = random.next()
    if (roll < 0.015) pageVisit(day, ts, random.pick(sanctionedUploadDomains), 'WWW Upload')
    else pageVisit(day, ts, nextDomain(day), roll < 0.07 ? 'WWW Download' : 'WWW Visit')
  }
}

export function sendMail(day: WorkDay, ts: number, to: readonly string[], attachments: readonly string[]): void {
  const { person, random } = day
  const cc = random.chance(0.3) ? [person.habits.contacts[random.favourite(person.habits.contacts.length)] as string] : []
  const size = Math.round(random.logNormal(10.3, 0.8)) + attachments.length * Math.round(random.logNormal(12, 1))
  certEmail(day.out.streams.certEmail, random, ts, person, { pc: day.host, to, cc, from: person.email, activity: 'Send', size, attachments, content: phrase(random, random.int(4, 14)) })
}

export function ordinaryMail(day: WorkDay): void {
  const { person, random, out } = day
  const contacts = person.habits.contacts
  const sends = random.poisson(person.habits.rates.emailSend * day.volume * day.modifiers.emailFactor)
  for (let index = 0; index < sends; index++) {
    const to = Array.from({ length: random.chance(0.7) ? 1 : random.int(2, 4) }, () => contacts[random.favourite(contacts.length)] as string)
    const attachments = random.chance(0.2) ? [`C:\\Users\\${person.id}\\Documents\\${random.pick(words)}-${random.pick(words)}.docx(${random.int(20000, 900000)})`] : []
    sendMail(day, momentIn(day), to, attachments)
  }
  const views = random.poisson(person.habits.rates.emailView * day.volume)
  for (let index = 0; index < views; index++) {
    const from = contacts[random.favourite(contacts.length)] as string
    certEmail(out.streams.certEmail, random, momentIn(day), person, {
      pc: day.host, to: [person.email], cc: [], from, activity: 'View', size: Math.round(random.logNormal(10.3, 0.9)), attachments: [], content: phrase(random, random.int(4, 14)),
    })
  }
}
