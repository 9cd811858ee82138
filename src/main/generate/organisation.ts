import { type Program, programSets, serverPools, servers, departmentShares } from './catalog-hosts'
import { companyDomain, externalMailDomains, firstNames, lastNames, merchants, vendors, words } from './catalog-people'
import { commonDomains, departmentDomains, personalDomains } from './catalog-web'
import { Random, mixSeed } from './random'
import { type ActivityRates, type RoleProfile, roleProfiles } from './roles'

/** One person's own habits, drawn around their role's means. */
export interface Habits {
  start: number
  end: number
  /** Standard deviation of start and end, in hours (conscientious people keep closer to their hours). */
  jitter: number
  /** Multiplies every daily count. */
  volume: number
  rates: ActivityRates
  late: number
  early: number
  weekend: number
  remote: number
  /** Chance per logon of mistyping the password first (more for anxious people). */
  typo: number
  /** Web destinations in order of preference, and the chance a request goes somewhere new. */
  domains: string[]
  novelty: number
  /** Linux servers they ssh to (empty: none), and sudo commands per ssh session (0: never sudo). */
  linuxServers: string[]
  sudo: number
  /** Windows servers they reach over SMB/RDP/HTTPS. */
  windowsServers: string[]
  usb: number
  payments: number
  card: number
  counterparties: string[]
  programs: Program[]
  files: string[]
  contacts: string[]
  roaming: number
}

/** One employee as every file knows them. */
export interface Person {
  index: number
  /** Lower-case id used everywhere (`amc0174`); CERT files write it upper-case. */
  id: string
  certId: string
  name: string
  email: string
  department: string
  role: string
  team: string
  supervisor: string
  profile: RoleProfile
  workstation: string
  ip: string
  homeIp: string
  uid: number
  /** Big Five on CERT's 10–50 scale: O, C, E, A, N. */
  ocean: [number, number, number, number, number]
  habits: Habits
}

/** How many people each role gets: largest remainder over the role weights. */
function roleCounts(count: number): number[] {
  const total = roleProfiles.reduce((sum, profile) => sum + profile.weight, 0)
  const exact = roleProfiles.map((profile) => (profile.weight * count) / total)
  const counts = exact.map(Math.floor)
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index)
  for (let left = count - counts.reduce((sum, value) => sum + value, 0), at = 0; left > 0; left--, at++) {
    const index = (order[at % order.length] as { index: number }).index
    counts[index] = (counts[index] ?? 0) + 1
  }
  return counts
}

function clampTrait(value: number): number {
  return Math.max(10, Math.min(50, Math.round(value)))
}

function positive(value: number, floor: number): number {
  return Math.max(floor, value)
}

/** Habits from the role and the person's traits; each trait's effect is noted where it is used. */
function drawHabits(random: Random, profile: RoleProfile, ocean: Person['ocean'], person: { id: string; department: string }): Habits {
  const [openness, conscientiousness, extraversion, agreeableness, neuroticism] = ocean
  const share = departmentShares[person.department] ?? { share: '\\\\fs01\\public', extensions: ['docx'] }
  const volume = random.logNormal(0, 0.3)
  const scale = (mean: number): number => mean * random.logNormal(0, 0.3)
  const rates = profile.rates
  const ssh = random.chance(profile.sshShare)
  const pool = serverPools[profile.serverPool] ?? []
  const linux = pool.filter((name) => servers.some((server) => server.name === name && server.linux))
  const windows = pool.filter((name) => !linux.includes(name))
  const domains = [
    ...random.sample(commonDomains, 8 + Math.round(openness / 8)),
    ...random.sample(departmentDomains[person.department] ?? [], 4 + random.int(0, 4)),
    ...random.sample(personalDomains, random.int(0, 2 + Math.round(openness / 15))),
  ]
  const files: string[] = []
  for (let index = 0; index < 40; index++) {
    const folder = random.pick(words)
    files.push(`${share.share}\\${folder}\\${random.pick(words)}-${random.pick(words)}-${random.int(1, 40)}.${random.pick(share.extensions)}`)
  }
  for (let index = 0; index < 8; index++) files.push(`C:\\Users\\${person.id}\\Documents\\${random.pick(words)}-${random.pick(words)}.${random.pick(share.extensions)}`)
  const contacts = Array.from({ length: 10 + Math.round(agreeableness / 4) }, () =>
    random.chance(0.75) ? `${random.pick(firstNames).toLowerCase()}.${random.pick(lastNames).toLowerCase()}@${companyDomain}` : `${random.pick(words)}@${random.pick(externalMailDomains)}`,
  )
  const payments = profile.payments > 0 ? scale(profile.payments) : 0
  return {
    start: profile.start + random.normal() * 0.5,
    end: profile.end + random.normal() * 0.6,
    jitter: positive(0.95 - conscientiousness / 70 + random.normal() * 0.08, 0.2),
    volume,
    rates: {
      // Extraverts write and read more mail; open people browse more widely.
      emailSend: scale(rates.emailSend) * (0.6 + extraversion / 50),
      emailView: scale(rates.emailView) * (0.7 + extraversion / 80),
      web: scale(rates.web) * (0.7 + openness / 80),
      http: scale(rates.http) * (0.7 + openness / 80),
      process: scale(rates.process),
      file: scale(rates.file) * (0.6 + conscientiousness / 60),
      certFile: scale(rates.certFile),
      network: scale(rates.network),
    },
    late: positive(0.03 + (50 - conscientiousness) / 1000 + random.normal() * 0.01, 0.005),
    early: positive(0.02 + random.normal() * 0.01, 0.002),
    weekend: positive(profile.weekend * random.logNormal(0, 0.5), 0.005),
    remote: Math.min(0.8, profile.remote * random.logNormal(0, 0.4)),
    typo: positive(0.02 + neuroticism / 800, 0.01),
    domains,
    novelty: 0.02 + openness / 1000,
    linuxServers: ssh ? random.sample(linux, random.int(2, Math.min(6, linux.length))) : [],
    sudo: ssh && random.chance(profile.sudoShare) ? 0.5 + random.next() * 2 : 0,
    windowsServers: random.sample(windows, random.int(Math.min(1, windows.length), windows.length)),
    usb: random.chance(profile.usbShare) ? profile.usbRate * random.logNormal(0, 0.4) : 0,
    payments,
    card: random.chance(profile.cardShare) ? 0.15 + random.next() * 0.4 : 0,
    counterparties: payments > 0 ? random.sample(vendors, 25 + random.int(0, 30)) : random.sample(merchants, 8),
    programs: profile.programs.flatMap((key) => programSets[key] ?? []),
    files,
    contacts,
    roaming: profile.roaming * random.logNormal(0, 0.3),
  }
}

/** The first drawn value not yet in `taken`, which then holds it. */
function unique(taken: Set<string>, draw: () => string): string {
  for (;;) {
    const value = draw()
    if (!taken.has(value)) {
      taken.add(value)
      return value
    }
  }
}

/** A deterministic organisation of `count` people: roles, teams, supervisors, machines, habits. */
export function buildOrganisation(seed: number, count: number): Person[] {
  const random = new Random(mixSeed(seed, 0x0a9))
  const counts = roleCounts(count)
  const ids = new Set<string>()
  const stations = new Set<string>()
  const people: Person[] = []
  roleProfiles.forEach((profile, roleIndex) => {
    for (let member = 0; member < (counts[roleIndex] ?? 0); member++) {
      const first = random.pick(firstNames)
      const last = random.pick(lastNames)
      const certId = unique(ids, () => `${first[0]}${random.code(1, 'ABCDEFGHIJKLMNOPRSTVW')}${last[0]}${String(random.int(0, 9999)).padStart(4, '0')}`.toUpperCase())
      const workstation = unique(stations, () => `PC-${random.int(1000, count > 4000 ? 99999 : 9999)}`)
      const index = people.length
      const id = certId.toLowerCase()
      const ocean: Person['ocean'] = [0, 0, 0, 0, 0].map(() => clampTrait(30 + random.normal() * 8)) as Person['ocean']
      people.push({
        index,
        id,
        certId,
        name: `${first} ${random.code(1, 'ABCDEFGHJKLMNPRSTW')}. ${last}`,
        email: `${first.toLowerCase()}.${last.toLowerCase()}${index}@${companyDomain}`,
        department: profile.department,
        role: profile.role,
        team: '',
        supervisor: '',
        profile,
        workstation,
        ip: `10.10.${1 + (index >> 8)}.${1 + (index & 255)}`,
        homeIp: `${random.pick([24, 67, 73, 76, 98, 104, 174])}.${random.int(1, 254)}.${random.int(1, 254)}.${random.int(1, 254)}`,
        uid: 1001 + index,
        ocean,
        habits: drawHabits(random, profile, ocean, { id, department: profile.department }),
      })
    }
  })
  assignTeams(people)
  return people
}

/** Teams of up to eight per department; a team's lead reports to the department's first person. */
function assignTeams(people: Person[]): void {
  const byDepartment = new Map<string, Person[]>()
  for (const person of people) byDepartment.set(person.department, [...(byDepartment.get(person.department) ?? []), person])
  for (const [department, members] of byDepartment) {
    const head = members[0] as Person
    members.forEach((person, position) => {
      const lead = members[Math.floor(position / 8) * 8] as Person
      person.team = `${department} ${Math.floor(position / 8) + 1}`
      person.supervisor = person === head ? 'Margit Halvorsen' : person === lead ? head.name : lead.name
    })
  }
}
