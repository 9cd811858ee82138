// labels.json: the ground truth `argus generate` writes and `argus eval` reads.

/** One attack on one user, on the dates its activity fell on. */
export interface AttackLabel {
  user: string
  scenario: string
  /** `YYYY-MM-DD`, ascending. */
  days: string[]
  /** How this instance was carried out (`ssh`, `structuring`, …), where the generator says. */
  variant?: string
  /** The files the attack wrote lines to, relative to the output folder. */
  sources?: string[]
}

/** The whole ground truth of a generated organisation. */
export interface Labels {
  seed: number
  /** First and last date of the generated range, when given. */
  start?: string
  end?: string
  /** Every user of the organisation, attacked or not. */
  users: string[]
  attacks: AttackLabel[]
}

/** A labels file that does not have the expected shape. */
export class LabelsError extends Error {
  override readonly name = 'LabelsError'
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** Checks a parsed labels document; user ids are compared lower-case, as the workspace stores them. */
export function readLabels(document: unknown): Labels {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new LabelsError('labels must be a JSON object')
  const record = document as Record<string, unknown>
  if (!isStringArray(record.users)) throw new LabelsError('labels.users must be a list of user names')
  if (!Array.isArray(record.attacks)) throw new LabelsError('labels.attacks must be a list')
  const attacks = record.attacks.map((entry, index): AttackLabel => {
    const attack = entry as Record<string, unknown> | null
    if (attack === null || typeof attack !== 'object') throw new LabelsError(`attack ${index} is not an object`)
    if (typeof attack.user !== 'string' || typeof attack.scenario !== 'string') throw new LabelsError(`attack ${index} needs a user and a scenario`)
    if (!isStringArray(attack.days) || !attack.days.every((day) => datePattern.test(day))) throw new LabelsError(`attack ${index} needs days as YYYY-MM-DD`)
    return {
      user: attack.user.toLowerCase(),
      scenario: attack.scenario,
      days: [...attack.days].sort(),
      ...(typeof attack.variant === 'string' ? { variant: attack.variant } : {}),
      ...(isStringArray(attack.sources) ? { sources: attack.sources } : {}),
    }
  })
  return {
    seed: typeof record.seed === 'number' ? record.seed : 0,
    ...(typeof record.start === 'string' ? { start: record.start } : {}),
    ...(typeof record.end === 'string' ? { end: record.end } : {}),
    users: record.users.map((user) => user.toLowerCase()),
    attacks,
  }
}
