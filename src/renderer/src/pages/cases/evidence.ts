import type { CaseEvidence, Tag } from '../../../../shared/case-schemas'
import type { Alert } from '../../../../shared/scoring-schemas'
import { formatTimestamp, formatZonedDate } from '../../format'
import { userHref } from '../../routes'

export type EvidenceKind = CaseEvidence['kind']

/** The evidence list's sections, in the order an investigation reads them. */
export const evidenceSections: readonly { kind: EvidenceKind; title: string }[] = [
  { kind: 'user', title: 'Users' },
  { kind: 'alert', title: 'Alerts' },
  { kind: 'event', title: 'Pinned events' },
  { kind: 'range', title: 'Time ranges' },
]

export interface EvidenceView {
  /** One line that names the item: "alice", "Alert #12: bob on 2024-06-05". */
  description: string
  /** The user page on the item's day, where there is a user to open. */
  href: string | undefined
  /** Where its tags live; ranges carry none. */
  tags: Pick<Tag, 'target' | 'key'> | undefined
}

/**
 * How an evidence item reads and where it leads: the user's page on the day it happened (the
 * alert's day; the workspace day of an event or a range start), so the evidence opens at the
 * right moment.
 */
export function describeEvidence(evidence: CaseEvidence, alerts: ReadonlyMap<number, Alert>, timeZone: string | undefined): EvidenceView {
  const label = evidence.label ? ` — ${evidence.label}` : ''
  const at = (day: string | undefined): string | undefined => (evidence.user === null ? undefined : userHref(evidence.user, { day }))
  const fromDay = evidence.from === null ? undefined : formatZonedDate(evidence.from, timeZone)
  switch (evidence.kind) {
    case 'user':
      return { description: `${evidence.user ?? '?'}${label}`, href: at(undefined), tags: evidence.user === null ? undefined : { target: 'user', key: evidence.user } }
    case 'alert': {
      const alert = evidence.alertId === null ? undefined : alerts.get(evidence.alertId)
      const day = alert?.date ?? fromDay
      const who = alert?.user ?? evidence.user ?? 'unknown user'
      return {
        description: `Alert #${evidence.alertId ?? '?'}: ${who}${day ? ` on ${day}` : ''}${label}`,
        href: at(day),
        tags: evidence.alertId === null ? undefined : { target: 'alert', key: String(evidence.alertId) },
      }
    }
    case 'event':
      return {
        description: `Event #${evidence.eventId ?? '?'}: ${evidence.user ?? 'no user'}${evidence.from === null ? '' : ` at ${formatTimestamp(evidence.from)}`}${label}`,
        href: at(fromDay),
        tags: evidence.eventId === null ? undefined : { target: 'event', key: String(evidence.eventId) },
      }
    case 'range': {
      const span = evidence.from === null || evidence.to === null ? '' : `: ${formatTimestamp(evidence.from)} to ${formatTimestamp(evidence.to)}`
      const who = evidence.user ?? 'all users'
      // Labels given here already name the user ("alice on 2024-06-05"); others get it added.
      const name = evidence.label === null ? who : evidence.label.includes(who) ? evidence.label : `${evidence.label} (${who})`
      return { description: `${name}${span}`, href: at(fromDay), tags: undefined }
    }
  }
}
