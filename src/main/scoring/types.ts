import type { EventCategory, EventOutcome } from '../../shared/event'

// The scoring contract: what the pure scoring code reads and what it returns. The worker job
// reads events from the workspace into `UserSeries`, calls `scoreSeries`, and stores `ScoredDay`s.

/** One event as scoring reads it: the normalized columns, attrs parsed. */
export interface ScoredEvent {
  ts: number
  category: EventCategory
  action: string
  outcome: EventOutcome
  host: string | null
  srcIp: string | null
  dstIp: string | null
  object: string | null
  bytes: number | null
  amount: number | null
  attrs: Record<string, unknown>
}

/** A user's activity on one calendar day of the workspace's time zone, events sorted by ts. */
export interface UserDay {
  user: string
  /** `YYYY-MM-DD` in the workspace's time zone. */
  date: string
  /** Epoch ms of that local midnight, and the zone's offset then (for hour-of-day features). */
  dayStart: number
  offsetMinutes: number
  events: ScoredEvent[]
}

/** Every scored day of one user, oldest first, with the peer group the user belongs to. */
export interface UserSeries {
  user: string
  /** From LDAP/role data when imported (`department`, `role`), else from behavioural clustering. */
  peerGroup: string
  days: UserDay[]
}

export const detectorIds = ['baseline', 'markov', 'iforest', 'rules', 'ocean'] as const
export type DetectorId = (typeof detectorIds)[number]

export const anomalyTypes = [
  'after_hours',
  'brute_force',
  'password_spray',
  'account_takeover',
  'exfiltration',
  'data_upload',
  'lateral_movement',
  'privilege_escalation',
  'rare_sequence',
  'behaviour_drift',
  'volume_spike',
  'aml_threshold',
  'transaction_velocity',
] as const
export type AnomalyType = (typeof anomalyTypes)[number]

/** One reason a day scored what it did, worded so a summary can quote it without inventing. */
export interface Fact {
  detector: DetectorId
  /** Feature or rule id, e.g. `logon_failed`, `distinct_hosts`, `brute_force_then_success`. */
  key: string
  value: number | string
  /** The user's usual value (median of earlier days), when there is one. */
  baseline: number | null
  /** Robust z-score against the baseline, when there is one. */
  z: number | null
  /** How much this fact moved the detector's score, for ranking facts across detectors. */
  weight: number
  /** A plain-language fragment: "14 failed logons (usually 0)". */
  text: string
}

export interface DetectorResult {
  score: number
  facts: Fact[]
  types: AnomalyType[]
}

/** Analyst-editable weights of the combination; they sum to 1. */
export type DetectorWeights = Record<DetectorId, number>

export { defaultWeights } from '../../shared/scoring-schemas'

/** A user-day after scoring: what is stored, shown and exported. */
export interface ScoredDay {
  user: string
  date: string
  peerGroup: string
  events: number
  detectors: Record<DetectorId, number>
  risk: number
  types: AnomalyType[]
  /** The strongest facts across detectors, strongest first (at most 8). */
  facts: Fact[]
  /** Offline plain-language summary built only from `facts`. */
  summary: string
  /** Feature values of the day, by name, for charts and the explanation. */
  features: Record<string, number>
}
