/** Normalized event categories (ECS-style); see DESIGN.md, "Normalized event". */
export const eventCategories = [
  'authentication',
  'process',
  'file',
  'network',
  'web',
  'email',
  'device',
  'transaction',
  'system',
] as const
export type EventCategory = (typeof eventCategories)[number]

export const eventOutcomes = ['success', 'failure', 'unknown'] as const
export type EventOutcome = (typeof eventOutcomes)[number]

/** One event as every parser produces it and the `events` table stores it. */
export interface NormalizedEvent {
  /** Epoch milliseconds, UTC. */
  ts: number
  /** Acting principal, lower-case; the raw form stays in `attrs`. */
  user: string | null
  host: string | null
  srcIp: string | null
  dstIp: string | null
  category: EventCategory
  /** Verb such as `logon`, `ssh_accept`, `file_copy`. */
  action: string
  outcome: EventOutcome
  /** What was acted on: file path, URL domain, command, recipient, counterparty. */
  object: string | null
  bytes: number | null
  amount: number | null
  /** Everything else the parser understood. */
  attrs: Record<string, unknown>
}

/** The normalized fields a generic JSON or CSV file can be mapped onto (field → column or dot path). */
export const mappableFields = ['ts', 'user', 'host', 'srcIp', 'dstIp', 'category', 'action', 'outcome', 'object', 'bytes', 'amount'] as const
export type MappableField = (typeof mappableFields)[number]
