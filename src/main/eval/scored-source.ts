// What `argus eval` reads: scored users and user-days, wherever they come from (the workspace's
// tables, or the JSON document `argus analyze --json` printed).

/** A severity as scoring stores it (High ≥ 0.75, Medium ≥ 0.5, Low below). */
export type DaySeverity = 'high' | 'medium' | 'low'

/** Scored results to evaluate against labels. */
export interface ScoredSource {
  /** Every ranked user with the risk that orders the ranking. */
  users(): { user: string; risk: number }[]
  /** Every scored user-day (`date` as YYYY-MM-DD in the workspace's zone). */
  days(): { user: string; date: string; risk: number; severity: DaySeverity }[]
}

/** A source over an open workspace, closed when the evaluation is done. */
export interface ClosableScoredSource extends ScoredSource {
  close(): void | Promise<void>
}

/** Opens the scored results of the workspace file at `workspacePath`. */
export type ScoredSourceOpener = (workspacePath: string) => Promise<ClosableScoredSource>

/** A document that is not the output of `argus analyze --json`. */
export class ScoredDocumentError extends Error {
  override readonly name = 'ScoredDocumentError'
}

const severities: ReadonlySet<string> = new Set(['high', 'medium', 'low'])

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScoredDocumentError(`${what} is not a number`)
  return value
}

/**
 * The ScoredSource in an `argus analyze --json` document:
 * `{ users: [{ user, risk, days: [{ date, score, severity }] }] }`. Lets results be evaluated
 * after the fact, or produced by another build, without a workspace.
 */
export function scoredSourceFromAnalysis(document: unknown): ScoredSource {
  const users = (document as { users?: unknown } | null)?.users
  if (!Array.isArray(users)) throw new ScoredDocumentError('expected the JSON document of `argus analyze --json` (an object with a users list)')
  const ranked: { user: string; risk: number }[] = []
  const days: { user: string; date: string; risk: number; severity: DaySeverity }[] = []
  users.forEach((entry: unknown, index) => {
    const record = entry as { user?: unknown; risk?: unknown; days?: unknown } | null
    if (typeof record?.user !== 'string') throw new ScoredDocumentError(`users[${index}] has no user name (expected the JSON document of argus analyze --json)`)
    const user = record.user.toLowerCase()
    ranked.push({ user, risk: finite(record.risk, `users[${index}].risk`) })
    const list = Array.isArray(record.days) ? record.days : []
    list.forEach((day: unknown, at) => {
      const scored = day as { date?: unknown; score?: unknown; severity?: unknown } | null
      const where = `users[${index}].days[${at}]`
      if (typeof scored?.date !== 'string') throw new ScoredDocumentError(`${where} has no date`)
      if (typeof scored.severity !== 'string' || !severities.has(scored.severity)) throw new ScoredDocumentError(`${where}.severity must be high, medium or low`)
      days.push({ user, date: scored.date, risk: finite(scored.score, `${where}.score`), severity: scored.severity as DaySeverity })
    })
  })
  return { users: () => ranked, days: () => days }
}
