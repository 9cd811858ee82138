import { linuxSyslogParser } from './linux-syslog'
import { rfc5424Parser } from './rfc5424'
import type { LogParser } from './types'

/**
 * Every log format, as a plain array (no registration by import side effect: it breaks under
 * bundling). Order breaks sniffing ties: earlier wins.
 */
export const parsers: readonly LogParser<never>[] = [rfc5424Parser, linuxSyslogParser]
assertUniqueNames(parsers)

export function findParser(name: string): LogParser<never> | undefined {
  return parsers.find((parser) => parser.name === name)
}

/** Checked at start-up and in tests: two parsers with one name would make `--format` ambiguous. */
export function assertUniqueNames(list: readonly { name: string }[]): void {
  const seen = new Set<string>()
  for (const { name } of list) {
    if (seen.has(name)) throw new Error(`two parsers are named '${name}'`)
    seen.add(name)
  }
}
