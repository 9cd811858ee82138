import { z } from 'zod'
import { addDays } from '../../shared/calendar-days'
import { entityKinds, featureIndex, featureNames, fileName, hostIdentity, isFailedLogon, isLocalAddress, isRemovableWrite, isSuccessfulLogon, maxWithin, type DayFeatures } from './features'
import { SortedValues, attacksOnAccounts, groupWide, historyWindow, uploadVolumes, type SiteUploaders, type UserHistory } from './history'
import { publishingSiteOf, siteOf } from './sites'
import { formatQuantity } from './explain'
import { featureSpecs } from './baseline'
import { baselineShare, median } from './ocean'
import { anomalyTypes, type DetectorResult, type Fact, type ScoredEvent, type UserDay } from './types'

// The rules detector: deterministic checks an analyst can read, edit and switch off. A rule is
// plain data (validated by `ruleSchema`); each kind has one evaluator below. The day's score is
// the sum of the fired rules' severities, each scaled by the strength of its finding, times
// `ruleScale`, capped at 1.
// Strength is magnitude: a count that barely reaches its bar is half the evidence of one four
// times over it (`strengthOver`), so the routine big day and the wholesale one are told apart. A rule that has fired on a large share of
// a user's earlier days is routine for that user (a script that mistypes its password every
// morning) and counts for a quarter.

const minutes = z.number().positive().max(24 * 60)
const count = z.number().int().min(1)
const historyDays = z.number().int().min(0).default(5)
/** A counting rule fires only when its count is also above this multiple of the user's 95th percentile of earlier days (0: off). */
const overUsual = z.number().min(0).default(0)

const kinds = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('failure_then_success'), failures: count, windowMinutes: minutes, sameSource: z.boolean().default(true) }),
  z.object({ kind: z.literal('failure_burst'), failures: count, windowMinutes: minutes, overUsual }),
  z.object({ kind: z.literal('logon_burst'), logons: count, windowMinutes: minutes, overUsual }),
  // `requireSuccess`: only when the spraying source also logged on to this account.
  z.object({ kind: z.literal('password_spray'), users: z.number().int().min(2), requireSuccess: z.boolean().default(false) }),
  z.object({ kind: z.literal('first_time_action'), actions: z.array(z.string().min(1)).min(1), minHistoryDays: historyDays }),
  z.object({ kind: z.literal('admin_group_add'), groups: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('new_entity_burst'), entity: z.enum(entityKinds), count, minHistoryDays: historyDays, overUsual }),
  z.object({ kind: z.literal('removable_mass_copy'), copies: count, requireDevice: z.boolean().default(false), overUsual }),
  // Fires when the uploads to one never-visited domain reach `minUploads`, or their bytes `minBytes` (0: count only).
  // `sharedBy`: a site (`siteOf`) to which this many other users each sent as much in a day on earlier dates counts half (0: off).
  z.object({ kind: z.literal('upload_new_domain'), minBytes: z.number().min(0), minUploads: count, minHistoryDays: historyDays, sharedBy: z.number().int().min(0).default(3) }),
  // Uploads of at least `minBytes` in the day to a listed site (a listed domain also covers its subdomains), new or not.
  z.object({ kind: z.literal('upload_to_sites'), sites: z.array(z.string().min(1)).min(1), minBytes: z.number().min(0) }),
  // `hours`: events outside the working clock (and on weekends' clock hours), or only those at night (22:00–06:00).
  z.object({ kind: z.literal('off_hours'), minEvents: count, maxUsualShare: z.number().min(0).max(1), minHistoryDays: historyDays, hours: z.enum(['off_clock', 'night']).default('off_clock') }),
  // Events at clock hours at least `distance` hours from every hour the user is usually active in
  // (on a tenth of their days): the middle of the user's own night, wherever their office is. At
  // least `minEvents`, and `minDayShare` of the user's usual day: a work session, not a late mail.
  z.object({
    kind: z.literal('unusual_hours'), minEvents: count, minDayShare: z.number().min(0).max(10), distance: z.number().int().min(1).max(11), minHistoryDays: historyDays,
  }),
  // Web visits to a listed kind of site (job boards: a flight-risk sign); a listed domain also covers its subdomains,
  // an entry with a path (`linkedin.com/jobs`) only the pages under it.
  // Judged against the user's baseline period (their first days), not their recent ones: a drift
  // that repeats every day for weeks is the finding, and must not turn into the user's usual.
  z.object({ kind: z.literal('domain_visits'), domains: z.array(z.string().min(1)).min(1), count, overUsual, minHistoryDays: historyDays }),
  // Emails with attachments to the user's own personal mailbox: an address at one of `domains`
  // (webmail) whose name holds the user's (jsmith: john.smith@gmail.com, jsmith79@icloud.com).
  // Judged against the baseline period as job boards are: someone who always mails work home is not drifting.
  z.object({ kind: z.literal('personal_mail'), domains: z.array(z.string().min(1)).min(1), count, overUsual, minHistoryDays: historyDays }),
  // A command run through sudo or started as a process whose command line contains one of `patterns` (case-insensitive).
  z.object({ kind: z.literal('command_match'), patterns: z.array(z.string().min(1)).min(1) }),
  // sudo refused by its policy ("user NOT in sudoers", "command not allowed"; not a mistyped
  // password) on a host the user used for the first time that day: probing for rights on a
  // machine just reached.
  z.object({ kind: z.literal('refused_on_new_host'), minHistoryDays: historyDays }),
  z.object({ kind: z.literal('threshold_structuring'), threshold: z.number().positive(), lowerFraction: z.number().gt(0).lt(1), count }),
  // At least `count` transfers just under one of `thresholds` (from `lowerFraction` of it) to
  // counterparties the user never paid before, and nearly all of those around it under it: a sum
  // structured across fresh beneficiaries, which a clerk's daily run to known suppliers is not.
  z.object({
    kind: z.literal('new_payee_structuring'), thresholds: z.array(z.number().positive()).min(1), lowerFraction: z.number().gt(0).lt(1), count, minHistoryDays: historyDays,
  }),
  // At least `count` transfers in a day to one counterparty the user never paid before, of amounts
  // within `spread` of each other (the largest at most 1 + spread times the smallest), the largest
  // at least `minAmount`: a sum split into like payments, whatever threshold it keeps under.
  z.object({ kind: z.literal('payee_split'), count, spread: z.number().gt(0).max(1), minAmount: z.number().min(0), minHistoryDays: historyDays }),
  // At least `count` transfers in a day to one counterparty the user never paid before, and at
  // least `minShare` of the day's transfers: money funnelled to a fresh account, which a clerk's
  // run of hundreds, paying each new supplier once or twice, is not.
  z.object({ kind: z.literal('payee_funnel'), count, minShare: z.number().gt(0).max(1), minHistoryDays: historyDays }),
  // `feature` at least `minZ` robust z-scores above the user's usual on each of their last `days` active days.
  z.object({
    kind: z.literal('sustained_rise'), feature: z.enum(featureNames), days: z.number().int().min(2).max(14), minZ: z.number().positive(), minHistoryDays: historyDays,
  }),
  // Some of `rules` fired on at least `count` of the user's last `days` days (today included): the
  // days of a sustained pattern all count, also the quiet ones within it.
  z.object({ kind: z.literal('recurrence'), rules: z.array(z.string().min(1)).min(1), days: z.number().int().min(2).max(historyWindow), count: z.number().int().min(2) }),
  // `newObjectsOnly`: count only events whose object (counterparty, domain, host, …) the user never touched before.
  z.object({
    kind: z.literal('event_velocity'), actions: z.array(z.string().min(1)).min(1), count, windowMinutes: minutes, overUsual,
    newObjectsOnly: z.boolean().default(false), minHistoryDays: historyDays,
  }),
])

/** One rule as the analyst edits it. */
export const ruleSchema = z.intersection(
  z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by hyphens'),
    description: z.string().min(1),
    /** What the rule adds to the day's rules score when it fires, 0–1. */
    severity: z.number().min(0).max(1),
    /** MITRE ATT&CK technique, where one applies. */
    technique: z.string().regex(/^T\d{4}(\.\d{3})?$/).nullable(),
    types: z.array(z.enum(anomalyTypes)).min(1),
    enabled: z.boolean().default(true),
  }),
  kinds,
)
export type Rule = z.output<typeof ruleSchema>
export type RuleParameters = z.output<typeof kinds>

/** Validates an edited rule set: every rule well-formed, ids unique. Errors name the rule and field. */
export function validateRules(input: unknown): { rules: Rule[]; errors: string[] } {
  const parsed = z.array(ruleSchema).safeParse(input)
  if (!parsed.success) {
    return { rules: [], errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'rules'}: ${issue.message}`) }
  }
  const seen = new Set<string>()
  const errors: string[] = []
  for (const rule of parsed.data) {
    if (seen.has(rule.id)) errors.push(`${rule.id}: duplicate rule id`)
    seen.add(rule.id)
  }
  for (const rule of parsed.data) {
    if (rule.kind !== 'recurrence') continue
    for (const id of rule.rules) if (!seen.has(id) || id === rule.id) errors.push(`${rule.id}: rules: '${id}' is not another rule of this set`)
  }
  return errors.length > 0 ? { rules: [], errors } : { rules: parsed.data, errors: [] }
}

/** Failed logons of one day by network source address, across all users: what password spraying leaves. */
export type FailureIndex = ReadonlyMap<string, { users: ReadonlySet<string>; failures: number }>

/** Builds the day's failure index from every user's events of that day (the orchestrator does this per date). */
export function buildFailureIndex(days: Iterable<UserDay>): FailureIndex {
  const index = new Map<string, { users: Set<string>; failures: number }>()
  for (const day of days) {
    for (const event of day.events) {
      if (event.srcIp === null || isLocalAddress(event.srcIp) || !isFailedLogon(event)) continue
      let entry = index.get(event.srcIp)
      if (entry === undefined) index.set(event.srcIp, (entry = { users: new Set(), failures: 0 }))
      entry.users.add(day.user)
      entry.failures++
    }
  }
  return index
}

/** Group memberships granted by someone else on one day, by member (bare account, lower case): rights gained by the member. */
export type GrantIndex = ReadonlyMap<string, readonly { group: string; by: string }[]>

/** Builds the day's grants from every user's group additions naming another account (the orchestrator does this per date). */
export function buildGrantIndex(days: Iterable<UserDay>): GrantIndex {
  const index = new Map<string, { group: string; by: string }[]>()
  for (const day of days) {
    for (const event of day.events) {
      const member = event.attrs.targetUser
      if (event.action !== 'group_member_add' || event.object === null || typeof member !== 'string' || sameAccount(member, day.user)) continue
      const key = bareAccount(member).toLowerCase()
      let grants = index.get(key)
      if (grants === undefined) index.set(key, (grants = []))
      grants.push({ group: event.object, by: day.user })
    }
  }
  return index
}

/** What the rules see of one user-day. */
export interface RuleInput {
  day: UserDay
  features: DayFeatures
  history: UserHistory
  failures: FailureIndex
  grants: GrantIndex
  /** Per site, who uploaded to it on earlier dates and how much. */
  uploaders: SiteUploaders
}

/** What a fired rule found: a number to show, the words for it, and how strong it is (0–1, default 1). */
interface Finding {
  value: number | string
  text: string
  strength?: number
}

/**
 * Half the evidence when `value` just reaches `bar`, all of it at `fullAt` times the bar, on a log
 * scale between: how far past its threshold a count is says more than that it passed.
 */
export function strengthOver(value: number, bar: number, fullAt = 4): number {
  if (!(bar > 0) || value <= bar) return 0.5
  return Math.min(1, 0.5 + (0.5 * Math.log(value / bar)) / Math.log(fullAt))
}

/**
 * One rule at full severity and strength fills four fifths of the score, so a second finding on
 * the same day still raises it: a brute force that went on to add an administrator outranks a
 * brute force alone, and two independent findings outrank one strong one.
 */
export const ruleScale = 0.8

/** A rule firing on this share of a user's earlier days (and at least this many) is routine for them. */
const routineShare = 0.3
const routineMinDays = 5
const routineFactor = 0.25

/** What a removable-media copy weighs when the user writes to such media now and then. */
const removableHabitFactor = 0.5

/** Whether a rule may be damped as group-wide (see `groupWide`). */
export function isPersonalRule(rule: Rule): boolean {
  return !rule.types.some((type) => attacksOnAccounts.includes(type))
}

/** A group-wide rule on one date: how many peers it fired for, of how many it could have (see `groupWideRules`). */
export interface GroupWideRule {
  fired: number
  of: number
  /** Whether `of` counts the peers with something to count (a counting rule), not all active ones. */
  counting: boolean
}

/** The rules' result with the group-wide rules' weight cut, saying so in their facts, and the score summed again. */
export function dampGroupWide(result: RulesResult, groupWideRules: ReadonlyMap<string, GroupWideRule>): RulesResult {
  if (!result.facts.some((fact) => groupWideRules.has(fact.key))) return result
  const facts = result.facts.map((fact) => {
    const shared = groupWideRules.get(fact.key)
    if (shared === undefined) return fact
    const weight = fact.weight * groupWide.factor
    return { ...fact, weight, text: `${fact.text}; fired for ${shared.fired} of ${shared.of} peers ${shared.counting ? 'with any to count' : 'active'} that day, so counted at ${groupWide.factor * 100} %` }
  })
  facts.sort((first, second) => second.weight - first.weight)
  return { ...result, score: rulesScore(facts), facts }
}

/** The rules' result, the ids that fired, those not routine for the user, and what each counting rule counted (for the user's history). */
export interface RulesResult extends DetectorResult {
  fired: string[]
  notable: string[]
  counts: Map<string, number>
}

/** The day's findings: its fired rules' weighted facts summed and scaled, before the cap. */
function findings(facts: readonly Fact[]): number {
  return ruleScale * facts.reduce((total, fact) => total + fact.weight, 0)
}

/** The day's rules score: its findings, capped at 1. */
function rulesScore(facts: readonly Fact[]): number {
  return Math.min(1, findings(facts))
}

/** How far the day's findings go past the score's cap of 1, up to as much again (0–1): see `combineDetectors`. */
export function rulesPastCap(facts: readonly Fact[]): number {
  return Math.min(1, Math.max(0, findings(facts) - 1))
}

export function evaluateRules(rules: readonly Rule[], input: RuleInput): RulesResult {
  const facts: Fact[] = []
  const fired: string[] = []
  const notable: string[] = []
  const counts = new Map<string, number>()
  const typeWeights = new Map<string, number>()
  // Recurrence rules last: they read what the others found today.
  const ordered = [...rules.filter((rule) => rule.kind !== 'recurrence'), ...rules.filter((rule) => rule.kind === 'recurrence')]
  for (const rule of ordered) {
    if (!rule.enabled) continue
    const counted = countOf(rule, input.day, input.features, input.history)
    if (counted !== null) counts.set(rule.id, counted.count)
    const finding = counted === null ? evaluate(rule, input, notable) : countFinding(rule, counted, input.history)
    if (finding === null) continue
    fired.push(rule.id)
    const earlier = input.history.ruleDays.get(rule.id) ?? 0
    // A count judged against the baseline period is a drift sign, and a recurrence is repetition
    // itself: their repeating is the finding, not a routine.
    const repeats = counted?.baselineAfter !== undefined || rule.kind === 'recurrence'
    const routine = !repeats && input.history.days >= routineMinDays && earlier / input.history.days >= routineShare
    if (!routine) notable.push(rule.id)
    const weight = rule.severity * (finding.strength ?? 1) * (counted?.weight ?? 1) * (routine ? routineFactor : 1)
    for (const type of rule.types) typeWeights.set(type, (typeWeights.get(type) ?? 0) + weight)
    const technique = rule.technique === null ? '' : `, ${rule.technique}`
    const routineNote = routine ? `; routine for this user, fired on ${earlier} of ${input.history.days} earlier days` : ''
    facts.push({ detector: 'rules', key: rule.id, value: finding.value, baseline: null, z: null, weight, text: `${finding.text} (rule ${rule.id}${technique}${routineNote})` })
  }
  const types = [...typeWeights.entries()].sort((first, second) => second[1] - first[1]).map(([type]) => type) as DetectorResult['types']
  facts.sort((first, second) => second.weight - first.weight)
  return { score: rulesScore(facts), facts, types, fired, notable, counts }
}

/** Counting rules: the day's count, the threshold it must reach, the multiple of the usual it must exceed, and the words. */
interface Counted {
  count: number
  threshold: number
  overUsual: number
  text: string
  /** How much of the evidence the counted events carry (0–1, default 1). */
  weight?: number
  /**
   * Set for a sign of drift (job hunting): the count is compared with the user's baseline period,
   * not their recent days, from this many earlier days on, so weeks of it never become their usual.
   */
  baselineAfter?: number
}

function countOf(rule: Rule, day: UserDay, features: DayFeatures, history: UserHistory): Counted | null {
  switch (rule.kind) {
    case 'failure_burst': {
      const failed = day.events.filter(isFailedLogon)
      const burst = maxWithin(failed.map((event) => event.ts), rule.windowMinutes * 60_000)
      const familiar = failed.length > 0 && failed.every((event) => isFamiliarSource(event, history))
      const from = familiar ? ', all from addresses used before' : ''
      return { count: burst, threshold: rule.failures, overUsual: rule.overUsual, text: `${burst} failed logons within ${rule.windowMinutes} minutes${from}`, weight: familiar ? familiarSourceFactor : 1 }
    }
    case 'logon_burst': {
      const burst = maxWithin(day.events.filter(isSuccessfulLogon).map((event) => event.ts), rule.windowMinutes * 60_000)
      return { count: burst, threshold: rule.logons, overUsual: rule.overUsual, text: `${burst} logons within ${rule.windowMinutes} minutes` }
    }
    case 'removable_mass_copy': {
      const copies = rule.requireDevice && features.vector[featureIndex.device_connects]! === 0 ? 0 : features.vector[featureIndex.removable_copies]!
      if (copies === 0) return { count: 0, threshold: rule.copies, overUsual: rule.overUsual, text: '' }
      // Copying one's own working files (a backup, a new laptop) is the commonest benign mass copy;
      // files the user never opened before count fully, their own files half. Beyond four times the
      // bar the discount fades: a few dozen of one's own files is a backup, hundreds are a haul.
      const names = day.events.filter((event) => event.object !== null && isRemovableWrite(event.action, event.object, event.attrs)).map((event) => fileName(event.object!))
      const own = names.filter((name) => history.seen.files.has(name)).length
      const ownShare = names.length === 0 ? 0 : own / names.length
      const ownText = own > 0 ? `, ${Math.round(100 * ownShare)} % of them files the user had worked with before` : ''
      // A user who writes to removable media now and then (on one earlier day in twenty) has a
      // stick of their own: a big copy to it is half the evidence of a first ever.
      const habit = (history.ruleCounts.get(rule.id)?.quantile(0.95) ?? 0) > 0
      const habitText = habit ? ', by a user who writes to removable media now and then' : ''
      const weight = (1 - 0.5 * ownShare * Math.min(1, (4 * rule.copies) / copies)) * (habit ? removableHabitFactor : 1)
      return { count: copies, threshold: rule.copies, overUsual: rule.overUsual, text: `${copies} files written to removable media${ownText}${habitText}`, weight }
    }
    case 'domain_visits': {
      const visited = day.events.filter((event) => event.category === 'web' && event.object !== null && isListedSite(event.object, event.attrs.url, rule.domains)).map((event) => event.object!)
      const named = [...new Set(visited)]
      const listed = named.slice(0, 3).join(', ') + (named.length > 3 ? ', …' : '')
      return { count: visited.length, threshold: rule.count, overUsual: rule.overUsual, text: `${visited.length} visits to listed sites (${listed})`, baselineAfter: rule.minHistoryDays }
    }
    case 'personal_mail': {
      const sent = day.events
        .filter((event) => event.action === 'email_send' && (event.bytes ?? 0) > 0)
        .map((event) => personalMailbox(day.user, event.object, rule.domains))
        .filter((mailbox) => mailbox !== null)
      const mailboxes = [...new Set(sent)]
      const text = `${countText(sent.length, 'email')} with attachments to ${mailboxes.slice(0, 2).join(', ')}${mailboxes.length > 2 ? ', …' : ''}, a personal mailbox of the user`
      return { count: sent.length, threshold: rule.count, overUsual: rule.overUsual, text, baselineAfter: rule.minHistoryDays }
    }
    case 'new_entity_burst': {
      if (history.days < rule.minHistoryDays) return null
      const fresh = features.firstSeen[rule.entity]
      const listed = fresh.slice(0, 3).join(', ') + (fresh.length > 3 ? ', …' : '')
      return { count: fresh.length, threshold: rule.count, overUsual: rule.overUsual, text: `${fresh.length} ${entityWords[rule.entity]} never used before (${listed})` }
    }
    case 'event_velocity': {
      if (history.days < rule.minHistoryDays) return null
      const counted = day.events.filter((event) => rule.actions.includes(event.action) && (!rule.newObjectsOnly || isNewObject(event.object, history)))
      const burst = maxWithin(counted.map((event) => event.ts), rule.windowMinutes * 60_000)
      const fresh = rule.newObjectsOnly ? ' to counterparties or objects never used before' : ''
      return { count: burst, threshold: rule.count, overUsual: rule.overUsual, text: `${burst} ${rule.actions.join('/')} events${fresh} within ${rule.windowMinutes} minutes` }
    }
    default:
      return null
  }
}

/**
 * While a user's usual is unknown (fewer than `routineMinDays` earlier days), a rule that compares
 * with it asks for twice its threshold and its evidence ramps up with the days seen (a new
 * account's first big day is as likely its normal as an attack).
 */
function countFinding(rule: Rule, counted: Counted, history: UserHistory): Finding | null {
  if (counted.count < counted.threshold) return null
  if (counted.baselineAfter !== undefined) return baselineFinding(rule.id, counted, counted.baselineAfter, history)
  if (counted.overUsual === 0) return { value: counted.count, text: counted.text, strength: strengthOver(counted.count, counted.threshold) }
  const earlier = history.ruleCounts.get(rule.id)
  if (earlier === undefined || earlier.size < routineMinDays) {
    if (counted.count < 2 * counted.threshold) return null
    const ramp = Math.min(1, history.days / routineMinDays)
    if (ramp === 0) return null
    return { value: counted.count, text: counted.text, strength: ramp * strengthOver(counted.count, 2 * counted.threshold) }
  }
  const usual = earlier.quantile(0.95)
  const bar = Math.max(counted.threshold, counted.overUsual * usual)
  if (counted.count <= counted.overUsual * usual) return null
  return { value: counted.count, text: `${counted.text}, usually at most ${Math.round(usual)}`, strength: strengthOver(counted.count, bar) }
}

/**
 * A count judged against the user's baseline period (the first `baselineShare` of their earlier
 * days, as OCEAN's): it fires above `overUsual` times that period's 95th percentile.
 */
function baselineFinding(ruleId: string, counted: Counted, minHistoryDays: number, history: UserHistory): Finding | null {
  if (history.days < minHistoryDays) return null
  const series = history.ruleSeries.get(ruleId) ?? []
  const baseline = new SortedValues(Math.max(1, Math.floor(series.length * baselineShare)))
  for (let day = 0; day < baseline.capacity && day < series.length; day++) baseline.push(series[day]!)
  const usual = baseline.size === 0 ? 0 : baseline.quantile(0.95)
  const bar = Math.max(counted.threshold, counted.overUsual * usual)
  if (counted.count <= counted.overUsual * usual) return null
  return { value: counted.count, text: `${counted.text}, usually at most ${Math.round(usual)} in the first ${baseline.size} days`, strength: strengthOver(counted.count, bar) }
}

/** Structuring: at least this share of the transfers around the reporting threshold sit just under it. */
const pileUpShare = 0.8
/** Structuring to new payees: at least this share of the day's transfers to never-paid counterparties sit just under the threshold. */
const newPayeeShare = 0.25

/**
 * Structuring piles amounts up just under a threshold; a run of payments of every size puts about
 * as many just over it (up to threshold ÷ lowerFraction), so a pile-up is at least `count` of
 * `transfers` under it and nearly all of those around it under it.
 */
function pileUp(transfers: readonly ScoredEvent[], threshold: number, lowerFraction: number, count: number): { near: ScoredEvent[]; overText: string } | null {
  const within = (from: number, to: number) => (event: ScoredEvent) => Math.abs(event.amount ?? 0) >= from && Math.abs(event.amount ?? 0) < to
  const near = transfers.filter(within(threshold * lowerFraction, threshold))
  const over = transfers.filter(within(threshold, threshold / lowerFraction)).length
  if (near.length < count || near.length < pileUpShare * (near.length + over)) return null
  return { near, overText: over > 0 ? ` (and only ${over} just over it)` : '' }
}

/** A rule that is not a count; `notableToday`: the rules that already fired today and were not routine (for recurrences). */
function evaluate(rule: Rule, input: RuleInput, notableToday: readonly string[]): Finding | null {
  const { day, features, history } = input
  const vector = features.vector
  switch (rule.kind) {
    case 'failure_then_success':
      return failureThenSuccess(day, history, rule.failures, rule.windowMinutes * 60_000, rule.sameSource)
    case 'password_spray':
      return passwordSpray(day, input.failures, rule.users, rule.requireSuccess)
    case 'first_time_action': {
      if (history.days < rule.minHistoryDays) return null
      const first = rule.actions.filter((action) => features.actions.includes(action) && !history.actions.has(action))
      if (first.length === 0 || rule.actions.some((action) => history.actions.has(action))) return null
      return { value: first.join(', '), text: `first use of ${first.join(', ')} in ${history.days + 1} active days` }
    }
    case 'admin_group_add':
      return adminGroupAdd(day, rule.groups, input.grants)
    case 'command_match':
      return commandMatch(day, rule.patterns)
    case 'refused_on_new_host':
      return history.days < rule.minHistoryDays ? null : refusedOnNewHost(day, features)
    case 'recurrence':
      return recurrence(rule, input, notableToday)
    case 'sustained_rise':
      return sustainedRise(rule, features, history)
    case 'upload_new_domain':
      return history.days < rule.minHistoryDays ? null : uploadNewDomain(input, rule)
    case 'upload_to_sites':
      return uploadToSites(features.uploads, rule)
    case 'off_hours': {
      const feature = rule.hours === 'night' ? featureIndex.night_events : featureIndex.off_clock_events
      const afterHours = vector[feature]!
      if (history.days < rule.minHistoryDays || afterHours < rule.minEvents) return null
      // The habit is judged before an ongoing run of such days: a spree's own first nights do not make it usual.
      const habit = history.vectors.slice(0, history.vectors.length - offHoursRun(history.vectors, feature, rule.minEvents, rule.minHistoryDays))
      const streak = history.vectors.length - habit.length
      const usual = habit.filter((earlier) => earlier[feature]! >= rule.minEvents).length
      // Volume against the user's own habit: their busiest off-hours day so far, or the rule's minimum.
      // Someone who often works late still stands out with more than twice their busiest evening.
      const most = habit.reduce((highest, earlier) => Math.max(highest, earlier[feature]!), 0)
      if (usual / Math.max(1, habit.length) > rule.maxUsualShare && afterHours <= 2 * most) return null
      const run = streak > 0 ? `; day ${streak + 1} of a run` : ''
      const when = rule.hours === 'night' ? 'at night (22:00–06:00)' : 'outside working hours'
      return { value: afterHours, text: `${afterHours} events ${when} (such a day ${usual} times in ${habit.length} earlier days${run})`, strength: strengthOver(afterHours, Math.max(rule.minEvents, most)) }
    }
    case 'unusual_hours':
      return history.presentDaysEver < rule.minHistoryDays ? null : unusualHours(features.hourEvents, history, rule)
    case 'threshold_structuring': {
      const pile = pileUp(day.events.filter((event) => event.action === 'transfer'), rule.threshold, rule.lowerFraction, rule.count)
      if (pile === null) return null
      return { value: pile.near.length, text: `${pile.near.length} transfers between ${rule.threshold * rule.lowerFraction} and ${rule.threshold}, just under the reporting threshold${pile.overText}` }
    }
    case 'new_payee_structuring': {
      if (history.days < rule.minHistoryDays) return null
      const toNew = day.events.filter((event) => event.action === 'transfer' && isNewObject(event.object, history))
      for (const threshold of rule.thresholds) {
        // Judged among the transfers to new payees: known suppliers paid just over it say nothing of them.
        const pile = pileUp(toNew, threshold, rule.lowerFraction, rule.count)
        // A month-end run to dozens of new payees puts a few under any threshold by chance.
        if (pile === null || pile.near.length < newPayeeShare * toNew.length) continue
        const payees = new Set(pile.near.map((event) => event.object)).size
        return { value: pile.near.length, text: `${pile.near.length} transfers between ${threshold * rule.lowerFraction} and ${threshold} to ${countText(payees, 'counterparty', 'counterparties')} never paid before, just under a reporting threshold${pile.overText}` }
      }
      return null
    }
    case 'payee_split':
      return history.days < rule.minHistoryDays ? null : payeeSplit(day, history, rule)
    case 'payee_funnel':
      return history.days < rule.minHistoryDays ? null : payeeFunnel(day, history, rule)
    default:
      return null
  }
}

/** The day's transfer amounts to each counterparty the user never paid before. */
function amountsToNewPayees(day: UserDay, history: UserHistory): Map<string, number[]> {
  const amountsByPayee = new Map<string, number[]>()
  for (const event of day.events) {
    if (event.action !== 'transfer' || event.amount === null || !isNewObject(event.object, history)) continue
    const amounts = amountsByPayee.get(event.object!) ?? []
    amounts.push(Math.abs(event.amount))
    amountsByPayee.set(event.object!, amounts)
  }
  return amountsByPayee
}

/** The largest group of like transfers to one never-paid counterparty (see the `payee_split` kind). */
function payeeSplit(day: UserDay, history: UserHistory, rule: Extract<Rule, { kind: 'payee_split' }>): Finding | null {
  let best: { payee: string; amounts: number[] } | null = null
  for (const [payee, amounts] of amountsToNewPayees(day, history)) {
    const group = likeAmounts(amounts, rule.spread)
    if (group.length >= rule.count && group.at(-1)! >= rule.minAmount && group.length > (best?.amounts.length ?? 0)) best = { payee, amounts: group }
  }
  if (best === null) return null
  const [smallest, largest] = [best.amounts[0]!, best.amounts.at(-1)!]
  const total = best.amounts.reduce((sum, amount) => sum + amount, 0)
  return {
    value: best.amounts.length,
    text: `${best.amounts.length} transfers of ${formatQuantity(smallest, 'money')}–${formatQuantity(largest, 'money')} (${formatQuantity(total, 'money')} in all) to ${best.payee}, never paid before`,
    strength: strengthOver(best.amounts.length, rule.count),
  }
}

/** The never-paid counterparty that received the most of the day's transfers (see the `payee_funnel` kind). */
function payeeFunnel(day: UserDay, history: UserHistory, rule: Extract<Rule, { kind: 'payee_funnel' }>): Finding | null {
  const transfers = day.events.filter((event) => event.action === 'transfer' && event.amount !== null).length
  let best: { payee: string; amounts: number[] } | null = null
  for (const [payee, amounts] of amountsToNewPayees(day, history)) if (amounts.length > (best?.amounts.length ?? 0)) best = { payee, amounts }
  if (best === null || best.amounts.length < rule.count || best.amounts.length < rule.minShare * transfers) return null
  const total = best.amounts.reduce((sum, amount) => sum + amount, 0)
  return {
    value: best.amounts.length,
    text: `${best.amounts.length} of the day's ${transfers} transfers (${formatQuantity(total, 'money')}) to ${best.payee}, never paid before`,
    strength: strengthOver(best.amounts.length, rule.count),
  }
}

/** The largest set of `amounts` whose largest is at most 1 + `spread` times its smallest, ascending. */
function likeAmounts(amounts: readonly number[], spread: number): number[] {
  const sorted = [...amounts].sort((first, second) => first - second)
  let [from, bestFrom, bestTo] = [0, 0, 0]
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! > sorted[from]! * (1 + spread)) from++
    if (to + 1 - from > bestTo - bestFrom) [bestFrom, bestTo] = [from, to + 1]
  }
  return sorted.slice(bestFrom, bestTo)
}

/**
 * How many of the last `days` days (today included) one of `rules` fired on, when at least
 * `count`. Only firings that were not routine for the user count: a habit does not recur.
 */
function recurrence(rule: Extract<Rule, { kind: 'recurrence' }>, input: RuleInput, notableToday: readonly string[]): Finding | null {
  const { day, history } = input
  const from = addDays(day.date, -(rule.days - 1))
  const dates = new Set<string>()
  for (const id of rule.rules) for (const date of history.ruleDates.get(id) ?? []) if (date >= from && date < day.date) dates.add(date)
  if (rule.rules.some((id) => notableToday.includes(id))) dates.add(day.date)
  if (dates.size < rule.count) return null
  return { value: dates.size, text: `${rule.rules.join(' or ')} fired on ${dates.size} of the last ${rule.days} days`, strength: strengthOver(dates.size, rule.count, 2) }
}

/**
 * A feature above the user's usual on each of the last `days` active days, today included: a slow
 * rise no single day shows (a leaver gathering files over a week). The usual is the median and
 * spread of the days before the run, so the run does not raise its own bar; the spread has a
 * floor of a tenth of the median, so a user whose days never vary is not flagged for one more file.
 */
function sustainedRise(rule: Extract<Rule, { kind: 'sustained_rise' }>, features: DayFeatures, history: UserHistory): Finding | null {
  const feature = featureIndex[rule.feature]
  const runStart = history.vectors.length - (rule.days - 1)
  const usualDays = history.vectors.slice(Math.max(0, runStart - historyWindow), Math.max(0, runStart)).map((vector) => vector[feature]!)
  if (usualDays.length < Math.max(1, rule.minHistoryDays)) return null
  const run = [...history.vectors.slice(runStart).map((vector) => vector[feature]!), features.vector[feature]!]
  const usual = median(usualDays)
  const spread = Math.max(1.4826 * median(usualDays.map((value) => Math.abs(value - usual))), 0.1 * usual, 1)
  const lowest = Math.min(...run)
  const lowestZ = (lowest - usual) / spread
  if (lowestZ < rule.minZ) return null
  const { label, unit } = featureSpecs[rule.feature]
  const values = run.map((value) => formatQuantity(value, unit)).join(', ')
  return {
    value: lowest,
    text: `${label} above the user's usual on each of the last ${rule.days} active days (${values}; usually ${formatQuantity(usual, unit)})`,
    strength: strengthOver(lowestZ, rule.minZ),
  }
}

/** A run this long of off-hours days is a new habit (a shift change), not a spree. */
const maxOffHoursRun = 7

/**
 * How many of the latest earlier days in a row had at least `minEvents` off-hours events (`feature`), when
 * that run is short (under `maxOffHoursRun`) and at least `minHabitDays` days precede it; else 0.
 */
function offHoursRun(vectors: readonly Float64Array[], feature: number, minEvents: number, minHabitDays: number): number {
  let run = 0
  while (run < vectors.length && vectors[vectors.length - 1 - run]![feature]! >= minEvents) run++
  return run < maxOffHoursRun && vectors.length - run >= minHabitDays ? run : 0
}

/**
 * The first recipient of an email (`a@x; b@y`) at a listed webmail domain whose name holds the
 * user's: the whole account name (letters only), or all but its first letter when that leaves
 * four or more (jsmith in john.smith). Null when there is none.
 */
function personalMailbox(user: string, recipients: string | null, domains: readonly string[]): string | null {
  if (recipients === null) return null
  const account = bareAccount(user).toLowerCase().replace(/[^a-z]/g, '')
  if (account.length < 3) return null
  for (const address of recipients.split(/[;,]/)) {
    const [name, domain] = address.trim().toLowerCase().split('@')
    if (name === undefined || domain === undefined || !domains.includes(domain)) continue
    const letters = name.replace(/[^a-z]/g, '')
    if (letters.includes(account) || (account.length >= 5 && letters.includes(account.slice(1)))) return address.trim()
  }
  return null
}

/**
 * `www.indeed.com` is listed by `indeed.com`, `notindeed.com` is not; an entry with a path
 * (`linkedin.com/jobs`) lists only the pages under it, read from the event's URL.
 */
function isListedSite(domain: string, url: unknown, listed: readonly string[]): boolean {
  const host = domain.toLowerCase()
  return listed.some((entry) => {
    const slash = entry.indexOf('/')
    const wanted = (slash < 0 ? entry : entry.slice(0, slash)).toLowerCase()
    if (host !== wanted && !host.endsWith(`.${wanted}`)) return false
    if (slash < 0) return true
    const path = typeof url === 'string' ? urlPath(url).toLowerCase() : ''
    const prefix = entry.slice(slash).toLowerCase()
    return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)
  })
}

/** The path and query of a URL, with or without its scheme (`https://a.b/c?d` and `a.b/c?d` give `/c?d`). */
function urlPath(url: string): string {
  const scheme = url.indexOf('://')
  const slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3)
  return slash < 0 ? '' : url.slice(slash)
}

function isNewObject(object: string | null, history: UserHistory): boolean {
  if (object === null) return false
  for (const kind of entityKinds) if (history.seen[kind].has(object)) return false
  return true
}

const entityWords: Record<(typeof entityKinds)[number], string> = {
  hosts: 'hosts',
  sourceIps: 'source addresses',
  domains: 'domains',
  destinations: 'destination addresses',
  processes: 'programs',
  counterparties: 'counterparties',
  locations: 'file locations',
  files: 'files',
}

/**
 * Failed logons from addresses the user has logged on from before are most often a forgotten
 * password at their own desk: they count this share of the same from a never-seen address.
 */
const familiarSourceFactor = 0.5

function isFamiliarSource(event: ScoredEvent, history: UserHistory): boolean {
  return event.srcIp !== null && history.seen.sourceIps.has(event.srcIp)
}

/** ≥ `failures` failed logons (from the same source when asked) followed by a success within the window. */
function failureThenSuccess(day: UserDay, history: UserHistory, failures: number, windowMs: number, sameSource: boolean): Finding | null {
  const recent = new Map<string, number[]>()
  for (const event of day.events) {
    const source = sameSource ? (event.srcIp ?? event.host ?? '') : ''
    if (isFailedLogon(event)) {
      let times = recent.get(source)
      if (times === undefined) recent.set(source, (times = []))
      times.push(event.ts)
    } else if (isSuccessfulLogon(event)) {
      const times = recent.get(source) ?? []
      const within = times.filter((ts) => event.ts - ts <= windowMs)
      if (within.length >= failures) {
        const from = event.srcIp === null ? '' : ` from ${event.srcIp}`
        const span = Math.max(1, Math.round((event.ts - within[0]!) / 60_000))
        const familiar = isFamiliarSource(event, history)
        const strength = (familiar ? familiarSourceFactor : 1) * strengthOver(within.length, failures)
        return { value: within.length, text: `${within.length} failed logons followed by a successful logon${from}${familiar ? ' (an address used before)' : ''} within ${span} minutes`, strength }
      }
    }
  }
  return null
}

function passwordSpray(day: UserDay, index: FailureIndex, users: number, requireSuccess: boolean): Finding | null {
  let best: { source: string; users: number } | null = null
  for (const event of day.events) {
    if (event.srcIp === null || !isFailedLogon(event)) continue
    const entry = index.get(event.srcIp)
    if (entry !== undefined && entry.users.size >= users && (best === null || entry.users.size > best.users)) best = { source: event.srcIp, users: entry.users.size }
  }
  if (best === null) return null
  const source = best.source
  const succeeded = day.events.some((event) => event.srcIp === source && isSuccessfulLogon(event))
  if (requireSuccess && !succeeded) return null
  return { value: best.users, text: `failed logons from ${source}, which failed against ${best.users} accounts that day${succeeded ? ', then a successful logon from it' : ''}` }
}

/**
 * Granting someone else administrative rights is an administrator's job and counts 0.6 of the
 * rule; gaining them oneself (the member is the day's user, or the command names them, or another
 * account's group change names them: see `GrantIndex`) counts fully.
 */
const othersStrength = 0.6

/** `CORP\\alice`, `alice@corp.example`, `alice`: the account name alone, lower-case. */
function bareAccount(account: string): string {
  const name = fileName(account)
  const at = name.indexOf('@')
  return at > 0 ? name.slice(0, at) : name
}

function sameAccount(first: string, second: string): boolean {
  return bareAccount(first) === bareAccount(second)
}

function adminGroupAdd(day: UserDay, groups: readonly string[], grants: GrantIndex): Finding | null {
  const wanted = groups.map((group) => group.toLowerCase())
  const isWanted = (name: string) => {
    const group = name.toLowerCase()
    return wanted.includes(group) || wanted.includes(group.slice(Math.max(group.lastIndexOf('\\'), group.lastIndexOf('/')) + 1))
  }
  // Rights the user gained are the finding whoever granted them: the log records the administrator who acted.
  const granted = grants.get(bareAccount(day.user).toLowerCase())?.find((grant) => isWanted(grant.group))
  if (granted !== undefined) return { value: granted.group, text: `${day.user} added to the administrative group ${granted.group} by ${granted.by}` }
  // Someone else's rights are the finding only when the user gained none themselves that day.
  let others: Finding | null = null
  for (const event of day.events) {
    if (event.action !== 'group_member_add' || event.object === null || !isWanted(event.object)) continue
    const member = typeof event.attrs.targetUser === 'string' ? event.attrs.targetUser : day.user
    if (sameAccount(member, day.user)) return { value: event.object, text: `${member} added to the administrative group ${event.object} (their own account)` }
    others ??= { value: event.object, text: `${member} added to the administrative group ${event.object}`, strength: othersStrength }
  }
  // The command that does it, where the log has the command but not the directory's own record of the change.
  for (const event of day.events) {
    if (!commandActions.has(event.action) || event.object === null) continue
    const lowered = event.object.toLowerCase()
    const verb = groupAddCommands.map((pattern) => pattern.exec(lowered)).find((match) => match !== null)
    if (verb === undefined) continue
    // Groups named after the command itself: `sudo usermod -aG docker bob` adds to docker, not sudo.
    const command = lowered.slice(verb.index)
    const group = wanted.find((name) => new RegExp(`(^|[\\s,"'=:])${escapeRegExp(name)}($|[\\s,"'])`).test(command))
    if (group === undefined) continue
    const shown = event.object.length > 120 ? `${event.object.slice(0, 117)}…` : event.object
    if (new RegExp(`(^|[\\s\\\\/"'])${escapeRegExp(bareAccount(day.user))}($|[\\s"'])`).test(command)) {
      return { value: group, text: `ran ${shown}, which adds their own account to the administrative group ${group}` }
    }
    others ??= { value: group, text: `ran ${shown}, which adds a member to the administrative group ${group}`, strength: othersStrength }
  }
  return others
}

/** Commands that add a member to a group: usermod -aG, gpasswd -a, adduser USER GROUP, net (local)group … /add, PowerShell. */
const groupAddCommands: readonly RegExp[] = [
  /\busermod\b.*\s(-a?g|--groups)\b/,
  /\bgpasswd\b.*\s(-a|--add)\s/,
  /\badduser\s+[^\s-]\S*\s+\S+/,
  /\bnet1?(\.exe)?\s+(local)?group\b.*\s\/add\b/,
  /\badd-(local|ad)groupmember\b/,
]

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const commandActions = new Set(['sudo', 'process_start'])

function commandMatch(day: UserDay, patterns: readonly string[]): Finding | null {
  const wanted = patterns.map((pattern) => pattern.toLowerCase())
  const matched = day.events.filter((event) => commandActions.has(event.action) && event.object !== null && wanted.some((pattern) => event.object!.toLowerCase().includes(pattern)))
  if (matched.length === 0) return null
  const first = matched[0]!.object!
  const shown = first.length > 120 ? `${first.slice(0, 117)}…` : first
  return { value: shown, text: `${matched.length === 1 ? 'ran' : `${matched.length} commands, first`} ${shown}` }
}

/** sudo's refusals carry their reason; a mistyped password is a slip, not a probe. */
function isPolicyRefusal(event: ScoredEvent): boolean {
  const reason = event.attrs.reason
  return event.action === 'sudo_failed' && typeof reason === 'string' && !/password/i.test(reason)
}

function refusedOnNewHost(day: UserDay, features: DayFeatures): Finding | null {
  const fresh = new Set(features.firstSeen.hosts)
  const probes = day.events.filter((event) => event.host !== null && isPolicyRefusal(event) && fresh.has(hostIdentity(event.host)))
  if (probes.length === 0) return null
  const hosts = [...new Set(probes.map((event) => hostIdentity(event.host!)))]
  const reason = String(probes[0]!.attrs.reason)
  return { value: hosts.length, text: `sudo refused (${reason}) on ${hosts.slice(0, 3).join(', ')}${hosts.length > 3 ? ', …' : ''}, ${hosts.length === 1 ? 'a host' : 'hosts'} first used that day` }
}

/** A clock hour is the user's usual on at least this share of the days they were present (and on two). */
const usualHourShare = 0.1

function unusualHours(hourEvents: readonly number[], history: UserHistory, rule: { minEvents: number; minDayShare: number; distance: number }): Finding | null {
  const usual = history.hourDays.flatMap((days, hour) => (days >= Math.max(2, usualHourShare * history.presentDaysEver) ? [hour] : []))
  if (usual.length === 0) return null
  const far = (hour: number) => usual.every((other) => Math.min(Math.abs(hour - other), 24 - Math.abs(hour - other)) >= rule.distance)
  const hours = hourEvents.flatMap((events, hour) => (events > 0 && far(hour) ? [hour] : []))
  const events = hours.reduce((total, hour) => total + hourEvents[hour]!, 0)
  const usualDay = Math.expm1(history.compared[featureIndex.events]!.median())
  const bar = Math.max(rule.minEvents, rule.minDayShare * usualDay)
  if (events < bar) return null
  const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`
  const span = (from: number, to: number) => `${clock(from)}–${clock((to + 1) % 24)}`
  const contiguous = hours[hours.length - 1]! - hours[0]! === hours.length - 1
  const when = contiguous ? span(hours[0]!, hours[hours.length - 1]!) : hours.map((hour) => span(hour, hour)).join(', ')
  return { value: events, text: `${events} events at ${when}, hours at least ${rule.distance} away from any the user is usually active in`, strength: strengthOver(events, bar) }
}

/**
 * A site to which at least `sharedBy` other users each sent as much in one day on earlier dates is
 * one the organisation uses that way (the company's SharePoint, a team's data bucket): a
 * first upload there counts this share. A haul far beyond what colleagues send still counts fully.
 */
const sharedSiteFactor = 0.5
/** What an upload to a public research repository weighs (see `publishingSiteOf`). */
const publishingSiteFactor = 0.5

/** "1 upload", "3 uploads". */
function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}

/** ", 15.3 MB" after an upload's count, or nothing when the log gave no sizes. */
function sizeText(bytes: number): string {
  return bytes > 0 ? `, ${Math.round(bytes / 1e5) / 10} MB` : ''
}

/** The day's largest upload to a listed site, full strength at a thousand times `minBytes` (a gigabyte by default). */
function uploadToSites(byHost: DayFeatures['uploads'], rule: Extract<Rule, { kind: 'upload_to_sites' }>): Finding | null {
  let strongest: Finding | null = null
  let most = -1
  for (const [domain, entry] of byHost) {
    if (entry.bytes < rule.minBytes || entry.bytes <= most || !isListedSite(domain, undefined, rule.sites)) continue
    most = entry.bytes
    strongest = { value: domain, text: `${countText(entry.uploads, 'upload')} to ${domain}, a site on the rule's list${sizeText(entry.bytes)}`, strength: rule.minBytes > 0 ? strengthOver(entry.bytes, rule.minBytes, 1000) : 1 }
  }
  return strongest
}

function uploadNewDomain(input: RuleInput, rule: Extract<Rule, { kind: 'upload_new_domain' }>): Finding | null {
  const { day, history } = input
  const byHost = input.features.uploads
  const volumes = uploadVolumes(byHost)
  let strongest: Finding | null = null
  for (const [domain, entry] of byHost) {
    if (history.seen.domains.has(domain)) continue
    if (entry.uploads < rule.minUploads && !(rule.minBytes > 0 && entry.bytes >= rule.minBytes)) continue
    // Weighted by bytes where they are known (a factor 1000 over `minBytes`, a gigabyte by default,
    // is full strength: a few photos to a new site are not an archive), else by the count.
    const magnitude = rule.minBytes > 0 && entry.bytes > 0 ? strengthOver(entry.bytes, rule.minBytes, 1000) : strengthOver(entry.uploads, rule.minUploads)
    const site = siteOf(domain)
    const volume = volumes.get(site) ?? 0
    const others = [...(input.uploaders.get(site) ?? [])].filter(([user, most]) => user !== day.user && most >= volume).length
    const shared = rule.sharedBy > 0 && others >= rule.sharedBy
    const sharedText = shared ? `; ${others} other users each sent as much to ${site} in a day before, so counted at ${sharedSiteFactor * 100} %` : ''
    const repository = publishingSiteOf(domain)
    const publishingText = repository === undefined ? '' : `; ${repository} is a public research repository, where depositing data is publishing it, so counted at ${publishingSiteFactor * 100} %`
    const strength = magnitude * (shared ? sharedSiteFactor : 1) * (repository === undefined ? 1 : publishingSiteFactor)
    if (strongest === null || strength > strongest.strength!) {
      strongest = { value: domain, text: `${countText(entry.uploads, 'upload')} to ${domain}, a domain never visited before${sizeText(entry.bytes)}${sharedText}${publishingText}`, strength }
    }
  }
  return strongest
}
