import { apacheErrorParser } from './apache-error'
import { certInsiderParser } from './cert-insider'
import { genericCsvParser } from './csv-generic'
import { sessionCsvParser } from './csv-sessions'
import { transactionCsvParser } from './csv-transactions'
import { ecsJsonParser } from './ecs-json'
import { evtxParser } from './evtx'
import { genericJsonParser } from './generic-json'
import { linuxAuditParser } from './linux-audit'
import { linuxSyslogParser } from './linux-syslog'
import { rfc5424Parser } from './rfc5424'
import type { LogParser } from './types'
import { webAccessParser } from './web-access'
import { windowsJsonParser } from './windows-json'

/**
 * Every log format, as a plain array (no registration by import side effect: it breaks under
 * bundling). Order breaks sniffing ties: earlier wins. The generic formats sniff 0 and are used
 * only when the analyst names them, with a field mapping.
 */
export const parsers: readonly LogParser<never>[] = [
  evtxParser,
  windowsJsonParser,
  ecsJsonParser,
  rfc5424Parser,
  linuxSyslogParser,
  linuxAuditParser,
  webAccessParser,
  apacheErrorParser,
  certInsiderParser,
  transactionCsvParser,
  sessionCsvParser,
  genericJsonParser,
  genericCsvParser,
]

/** Two parsers with one name would make `--format` ambiguous. */
export function assertUniqueNames(list: readonly { name: string }[]): void {
  const seen = new Set<string>()
  for (const { name } of list) {
    if (seen.has(name)) throw new Error(`two parsers are named '${name}'`)
    seen.add(name)
  }
}

assertUniqueNames(parsers)
