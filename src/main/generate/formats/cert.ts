// CERT insider-threat tables (release r6.2 layout): logon, device, file, email and http rows,
// plus psychometric.csv and an LDAP snapshot. Free text never holds a comma, as in the dataset.

import { certStamp } from '../calendar'
import { magicBytes } from '../catalog-hosts'
import { businessUnit } from '../catalog-people'
import type { Person } from '../organisation'
import type { Stream } from '../output'
import type { Random } from '../random'

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** `{Q4D5-W9FC14XL-6563ZSHL}` */
function recordId(random: Random): string {
  return `{${random.code(4, idAlphabet)}-${random.code(8, idAlphabet)}-${random.code(8, idAlphabet)}}`
}

function row(stream: Stream, random: Random, ts: number, person: Person, pc: string, rest: string): void {
  stream.push(ts, `${recordId(random)},${certStamp(ts)},${person.certId},${pc},${rest}`)
}

export function certLogon(stream: Stream, random: Random, ts: number, person: Person, pc: string, activity: 'Logon' | 'Logoff'): void {
  row(stream, random, ts, person, pc, activity)
}

export function certDevice(stream: Stream, random: Random, ts: number, person: Person, pc: string, activity: 'Connect' | 'Disconnect', tree: string): void {
  row(stream, random, ts, person, pc, `${activity === 'Connect' ? tree : ''},${activity}`)
}

/** Words about a file, led by its magic bytes as CERT's content column has them. */
export function fileContent(random: Random, path: string, words: readonly string[]): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  const magic = magicBytes[extension]
  const text = Array.from({ length: random.int(4, 12) }, () => random.pick(words)).join(' ')
  return magic ? `${magic} ${text}` : text
}

export type CertFileActivity = 'File Open' | 'File Write' | 'File Copy' | 'File Delete'

export function certFile(
  stream: Stream,
  random: Random,
  ts: number,
  person: Person,
  at: { pc: string; path: string; activity: CertFileActivity; toRemovable: boolean; fromRemovable: boolean; content: string },
): void {
  row(stream, random, ts, person, at.pc, `${at.path},${at.activity},${at.toRemovable ? 'True' : 'False'},${at.fromRemovable ? 'True' : 'False'},${at.content}`)
}

export function certEmail(
  stream: Stream,
  random: Random,
  ts: number,
  person: Person,
  at: { pc: string; to: readonly string[]; cc: readonly string[]; from: string; activity: 'Send' | 'View'; size: number; attachments: readonly string[]; content: string },
): void {
  row(stream, random, ts, person, at.pc, `${at.to.join(';')},${at.cc.join(';')},,${at.from},${at.activity},${at.size},${at.attachments.join(';')},${at.content}`)
}

export function certHttp(stream: Stream, random: Random, ts: number, person: Person, at: { pc: string; url: string; activity: 'WWW Visit' | 'WWW Download' | 'WWW Upload'; content: string }): void {
  row(stream, random, ts, person, at.pc, `${at.url},${at.activity},${at.content}`)
}

/** psychometric.csv: `employee_name,user_id,O,C,E,A,N`. */
export function psychometricTable(people: readonly Person[]): string {
  const lines = ['employee_name,user_id,O,C,E,A,N']
  for (const person of people) lines.push(`${person.name},${person.certId},${person.ocean.join(',')}`)
  return lines.join('\n') + '\n'
}

/** One monthly LDAP snapshot (`LDAP/2024-03.csv`), r6.2 columns. */
export function directoryTable(people: readonly Person[]): string {
  const lines = ['employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor']
  for (const person of people) {
    const functional = `${person.index % 3 === 0 ? '1' : '2'} - ${person.department}`
    lines.push(`${person.name},${person.certId},${person.email},${person.role},,${businessUnit},${functional},${person.department},${person.team},${person.supervisor}`)
  }
  return lines.join('\n') + '\n'
}
