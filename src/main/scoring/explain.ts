import { severityOf } from '../../shared/severity'
import { detectorIds, type AnomalyType, type Fact, type ScoredDay } from './types'

// Plain language, generated offline and only from what scoring found: every clause of a summary
// is a fact's own text (which quotes the day's value and the user's usual one), an anomaly type
// the detectors named, or the risk. Nothing is inferred beyond them.

export type QuantityUnit = 'count' | 'bytes' | 'money' | 'share' | 'hour'

/** A number as a person reads it: 1,204 · 3.4 MB · 9,950.00 · 62 % · 03:15. */
export function formatQuantity(value: number, unit: QuantityUnit): string {
  switch (unit) {
    case 'bytes': {
      const units = ['B', 'KB', 'MB', 'GB', 'TB']
      let scaled = Math.max(0, value)
      let step = 0
      while (scaled >= 1000 && step < units.length - 1) {
        scaled /= 1000
        step++
      }
      return `${step === 0 ? Math.round(scaled) : scaled.toFixed(1)} ${units[step]}`
    }
    case 'money':
      return grouped(value.toFixed(2))
    case 'share':
      return `${Math.round(value * 100)} %`
    case 'hour': {
      const minutes = Math.round(value * 60)
      return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    }
    default:
      return grouped(Number.isInteger(value) ? String(value) : Math.abs(value) >= 10 ? String(Math.round(value)) : value.toFixed(1))
  }
}

function grouped(text: string): string {
  const [whole = '', fraction] = text.split('.')
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? digits : `${digits}.${fraction}`
}

export const anomalyTypeLabels: Readonly<Record<AnomalyType, string>> = {
  after_hours: 'after-hours activity',
  brute_force: 'brute force',
  password_spray: 'password spraying',
  account_takeover: 'account takeover',
  exfiltration: 'data exfiltration',
  data_upload: 'upload of data',
  lateral_movement: 'lateral movement',
  privilege_escalation: 'privilege escalation',
  rare_sequence: 'an unusual order of actions',
  behaviour_drift: 'a drift in behaviour',
  volume_spike: 'a spike in activity',
  aml_threshold: 'transfers structured under the reporting threshold',
  transaction_velocity: 'a burst of transactions',
}

/** What a day's summary is built from. */
export interface SummaryInput {
  user: string
  date: string
  risk: number
  types: readonly AnomalyType[]
  facts: readonly Fact[]
}

/**
 * "On 2024-03-02 alice stood out (risk 0.82, high): 14 failed logons (usually 0); …. Most
 * likely: account takeover, brute force." At most `maxClauses` facts, strongest first.
 */
export function summarizeDay(input: SummaryInput, maxClauses = 4): string {
  const risk = `risk ${input.risk.toFixed(2)}, ${severityOf(input.risk)}`
  if (input.facts.length === 0) return `On ${input.date} nothing in ${input.user}'s activity stood out (${risk}).`
  const clauses = uniqueTexts(input.facts).slice(0, maxClauses)
  const likely = input.types.length > 0 ? ` Most likely: ${input.types.slice(0, 3).map((type) => anomalyTypeLabels[type]).join(', ')}.` : ''
  return `On ${input.date} ${input.user} stood out (${risk}): ${clauses.join('; ')}.${likely}`
}

function uniqueTexts(facts: readonly Fact[]): string[] {
  const texts: string[] = []
  for (const fact of facts) if (!texts.includes(fact.text)) texts.push(fact.text)
  return texts
}

/**
 * What changed for a user, when, and how sure we are: the days at Medium or above, the peak day
 * and how many detectors agreed on it (a detector agrees when it scored 0.5 or more).
 */
export function summarizeUser(user: string, days: readonly ScoredDay[]): string {
  const flagged = days.filter((day) => day.risk >= 0.5)
  if (days.length === 0) return `${user} has no scored days.`
  if (flagged.length === 0) return `Over ${days.length} scored days nothing in ${user}'s activity reached Medium risk.`
  let peak = flagged[0]!
  for (const day of flagged) if (day.risk > peak.risk) peak = day
  const agreeing = detectorIds.filter((id) => peak.detectors[id] >= 0.5)
  const span = flagged.length === 1 ? `on ${flagged[0]!.date}` : `between ${flagged[0]!.date} and ${flagged[flagged.length - 1]!.date}`
  const types = peak.types.length > 0 ? ` (${peak.types.slice(0, 3).map((type) => anomalyTypeLabels[type]).join(', ')})` : ''
  const agreement = `${agreeing.length} of ${detectorIds.length} detectors agreed${agreeing.length > 0 ? ` (${agreeing.join(', ')})` : ''}`
  return `${flagged.length} of ${days.length} days of ${user} reached Medium risk or above ${span}; the strongest was ${peak.date} at ${peak.risk.toFixed(2)}${types}, where ${agreement}.`
}

/** What an analyst should do about one anomaly type: editable data, shown beside an alert. */
export interface PlaybookEntry {
  risk: string
  impact: string
  action: string
  responseTime: string
}

export type Playbook = Readonly<Record<AnomalyType, PlaybookEntry>>

export const defaultPlaybook: Playbook = {
  after_hours: {
    risk: 'Work outside the usual hours can hide misuse from colleagues and monitoring.',
    impact: 'Low to medium: depends on what was accessed.',
    action: 'Check with the user or their manager whether the work was planned; review what was touched.',
    responseTime: 'within 1 business day',
  },
  brute_force: {
    risk: 'Someone is guessing the password of this account.',
    impact: 'Medium: a success gives the attacker the account.',
    action: 'Block the source addresses, check for a later success, enforce MFA and lockout.',
    responseTime: 'within 4 hours',
  },
  password_spray: {
    risk: 'One source tries common passwords against many accounts.',
    impact: 'High: any weak password in the organisation is exposed.',
    action: 'Block the source, find every account it reached, force resets where it succeeded.',
    responseTime: 'within 4 hours',
  },
  account_takeover: {
    risk: 'The account is probably used by someone other than its owner.',
    impact: 'High: everything the account can reach is exposed.',
    action: 'Disable the account or revoke its sessions, reset credentials, review its activity since the takeover.',
    responseTime: 'within 1 hour',
  },
  exfiltration: {
    risk: 'Data is leaving through removable media or bulk copies.',
    impact: 'High: loss of confidential data, regulatory exposure.',
    action: 'Identify the files and the device, secure the device, interview the user with HR and legal.',
    responseTime: 'within 4 hours',
  },
  data_upload: {
    risk: 'Data was uploaded to a web service the user does not normally use.',
    impact: 'High: data outside the organisation’s control.',
    action: 'Identify the service and what was uploaded; block the domain if unsanctioned.',
    responseTime: 'within 4 hours',
  },
  lateral_movement: {
    risk: 'The account is reaching hosts it never used, as an intruder exploring the network would.',
    impact: 'High: spread of a compromise across systems.',
    action: 'Isolate the source host, review logons on the new hosts, reset the credentials used.',
    responseTime: 'within 1 hour',
  },
  privilege_escalation: {
    risk: 'The account gained or used privileges it did not use before.',
    impact: 'High: administrative control of systems.',
    action: 'Confirm the change was authorised; revert unapproved group memberships and review commands run.',
    responseTime: 'within 1 hour',
  },
  rare_sequence: {
    risk: 'The order of actions is unusual for this user.',
    impact: 'Low alone; raises confidence in other findings.',
    action: 'Read the day’s timeline next to the other findings.',
    responseTime: 'within 2 business days',
  },
  behaviour_drift: {
    risk: 'The user’s overall pattern is shifting (a departing or disgruntled employee, a shared account).',
    impact: 'Medium: often precedes data theft.',
    action: 'Compare recent weeks with the baseline; check HR context discreetly; watch for exfiltration.',
    responseTime: 'within 1 week',
  },
  volume_spike: {
    risk: 'Far more activity than usual.',
    impact: 'Low to medium: automation, a project, or misuse.',
    action: 'See which actions spiked and whether a process or a person caused it.',
    responseTime: 'within 2 business days',
  },
  aml_threshold: {
    risk: 'Transfers kept just under the reporting threshold (structuring).',
    impact: 'High: money laundering, regulatory reporting duty.',
    action: 'Hold further transfers for review; prepare a suspicious activity report if confirmed.',
    responseTime: 'within 1 business day',
  },
  transaction_velocity: {
    risk: 'Transactions in an unusual burst or to new counterparties.',
    impact: 'High: fraud or mule activity.',
    action: 'Verify the transfers with the account holder; freeze pending ones if unconfirmed.',
    responseTime: 'within 4 hours',
  },
}

/** The playbook entries for a day's types, in the day's order. */
export function playbookFor(types: readonly AnomalyType[], playbook: Playbook = defaultPlaybook): { type: AnomalyType; entry: PlaybookEntry }[] {
  return types.map((type) => ({ type, entry: playbook[type] }))
}
