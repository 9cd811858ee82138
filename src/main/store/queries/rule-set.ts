import type BetterSqlite3 from 'better-sqlite3'
import { validateRules, type Rule } from '../../scoring/rules'
import { defaultRules, withNewDefaults } from '../../scoring/rules-default'
import { deleteSetting, readSetting, writeSetting } from './settings'

// The workspace's rule set: absent, the built-in one (it follows releases); once edited, the
// analyst's copy together with the built-in ids it was saved beside, so later built-in rules
// can be told from deleted ones (`withNewDefaults`).

const rulesKey = 'scoring.rules'
const knownKey = 'scoring.rules.knownDefaults'

/** The rules the detector runs. A set edited before the known ids were kept gets no additions. */
export function readRuleSet(sqlite: BetterSqlite3.Database): Rule[] {
  const stored = readSetting<unknown>(sqlite, rulesKey, null)
  if (stored === null) return [...defaultRules]
  const rules = validateRules(stored).rules
  const known = readSetting<string[] | null>(sqlite, knownKey, null)
  return known === null ? rules : withNewDefaults(rules, known)
}

/** Saves an edited (already validated) set with today's built-in rule ids. */
export function writeRuleSet(sqlite: BetterSqlite3.Database, rules: readonly Rule[]): void {
  writeSetting(sqlite, rulesKey, rules)
  writeSetting(sqlite, knownKey, defaultRules.map((rule) => rule.id))
}

/** Back to the built-in set, which then follows releases. */
export function forgetRuleSet(sqlite: BetterSqlite3.Database): void {
  deleteSetting(sqlite, rulesKey)
  deleteSetting(sqlite, knownKey)
}
