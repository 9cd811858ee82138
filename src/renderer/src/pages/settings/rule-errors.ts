import type { RuleData } from '../../hooks/use-scoring-rules'

/** The engine's complaints about a rule set, sorted to the rules they are about. */
export interface RuleProblems {
  /** By the rule's position in the submitted set. */
  byIndex: ReadonlyMap<number, readonly string[]>
  /** Ones that name no single rule. */
  general: readonly string[]
}

const invalidPrefix = 'the rule set is not valid: '

/**
 * Splits the engine's `bad_request` message ("the rule set is not valid: 3.failures: Too small…;
 * brute-force: duplicate rule id") into messages per rule, each naming the field.
 */
export function ruleProblems(message: string, submitted: readonly RuleData[]): RuleProblems {
  const byIndex = new Map<number, string[]>()
  const general: string[] = []
  const add = (index: number, text: string): void => {
    byIndex.set(index, [...(byIndex.get(index) ?? []), text])
  }
  if (!message.startsWith(invalidPrefix)) return { byIndex, general: [message] }
  for (const part of message.slice(invalidPrefix.length).split('; ')) {
    const positional = /^(\d+)(?:\.([^:]*))?: ([\s\S]*)$/.exec(part)
    const duplicate = /^(\S+): duplicate rule id$/.exec(part)
    if (positional) {
      const index = Number(positional[1])
      add(index, positional[2] ? `${positional[2]}: ${positional[3]}` : (positional[3] ?? part))
    } else if (duplicate) {
      // Every rule after the first that carries the id is the one to rename.
      const holders = submitted.flatMap((rule, index) => (rule.id === duplicate[1] ? [index] : []))
      for (const index of holders.slice(1)) add(index, `id: another rule already has the id “${duplicate[1]}”`)
      if (holders.length < 2) general.push(part)
    } else {
      general.push(part)
    }
  }
  return { byIndex, general }
}

/** A field of a rule as text, for the list; '' when absent. */
export function ruleText(rule: RuleData, field: string): string {
  const value = rule[field]
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** An id not yet used in the set: `brute-force-copy`, then `brute-force-copy-2`… */
export function copyId(id: string, rules: readonly RuleData[]): string {
  const taken = new Set(rules.map((rule) => rule.id))
  const base = `${id}-copy`
  if (!taken.has(base)) return base
  let suffix = 2
  while (taken.has(`${base}-${suffix}`)) suffix++
  return `${base}-${suffix}`
}
