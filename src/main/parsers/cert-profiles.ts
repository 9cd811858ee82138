// CERT psychometric.csv (Big Five scores) and LDAP snapshots as per-user profiles.

import { certUserId } from './cert-activity'
import type { CertLayout } from './cert-layout'
import { camelCase, isDecimal } from './csv-fields'
import type { ParseOutcome } from './types'

const ocean = ['o', 'c', 'e', 'a', 'n'] as const

function column(layout: CertLayout, fields: readonly string[], name: string): string {
  const index = layout.names.indexOf(name)
  return index >= 0 ? (fields[index] ?? '').trim() : ''
}

/** `employee_name,user_id,O,C,E,A,N` → a psychometric profile with the five scores as numbers. */
export function readPsychometric(fields: readonly string[], layout: CertLayout): ParseOutcome {
  if (fields.length < layout.width) return { reject: `row has ${fields.length} fields, psychometric.csv has ${layout.width}` }
  const rawUser = column(layout, fields, 'user_id')
  const user = certUserId(rawUser)
  if (user === '') return { reject: 'no user_id' }
  const profile: Record<string, string | number> = { employeeName: column(layout, fields, 'employee_name'), rawUser }
  for (const trait of ocean) {
    const score = column(layout, fields, trait)
    if (!isDecimal(score)) return { reject: `${trait.toUpperCase()} score '${score}' is not a number` }
    profile[trait.toUpperCase()] = Number(score)
  }
  return { profile: { user, kind: 'psychometric', fields: profile } }
}

/**
 * One LDAP snapshot row → a directory profile: every column but user_id, in camelCase
 * (`employeeName`, `email`, `role`, `projects`, `businessUnit`, `functionalUnit`, `department`,
 * `team`, `supervisor`; r1's `domain`), empty cells left out. CERT names the supervisor by full
 * name, not by id. `snapshot` is the month from the file name (`2010-05.csv`) when it has one:
 * LDAP files are monthly and a user missing from a month has left.
 */
export function readDirectory(fields: readonly string[], layout: CertLayout, snapshot: string | null): ParseOutcome {
  if (fields.length < layout.width) return { reject: `row has ${fields.length} fields, the LDAP table has ${layout.width}` }
  const rawUser = column(layout, fields, 'user_id')
  const user = certUserId(rawUser)
  if (user === '') return { reject: 'no user_id' }
  const profile: Record<string, string | number> = { rawUser }
  layout.names.forEach((name, index) => {
    const value = (fields[index] ?? '').trim()
    if (name !== 'user_id' && name !== '' && value !== '') profile[camelCase(name)] = value
  })
  if (snapshot !== null) profile.snapshot = snapshot
  return { profile: { user, kind: 'directory', fields: profile } }
}

/** `LDAP/2010-05.csv` → `2010-05`; null when the name carries no year-month. */
export function snapshotMonth(name: string): string | null {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  for (let index = 0; index + 7 <= base.length; index++) {
    const slice = base.slice(index, index + 7)
    if (isYearMonth(slice)) return slice
  }
  return null
}

function isYearMonth(text: string): boolean {
  for (let index = 0; index < 7; index++) {
    const code = text.charCodeAt(index)
    if (index === 4 ? code !== 45 : code < 48 || code > 57) return false
  }
  const month = Number(text.slice(5))
  return month >= 1 && month <= 12
}
