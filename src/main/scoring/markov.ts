import { evidenceThreshold, gradedScore, robustZ, type SortedValues } from './history'
import type { DetectorResult, Fact } from './types'

// The markov detector: how likely is the order of today's actions under what this user usually
// does next? Actions are bucketed into a small alphabet and repeats are collapsed (volume is the
// baseline detector's business; order is this one's). Transition probabilities back off from the
// user's counts to the peer group's and then to everyone's, each level a Dirichlet prior for the
// one below, so a thin row borrows from its group instead of calling everything new.

export const symbolNames = [
  'start', 'logon', 'logoff', 'failed logon', 'privilege use', 'refused privilege use', 'ticket request',
  'account change', 'password change', 'process', 'file read', 'file write', 'file copy', 'removable media write',
  'device', 'email sent', 'email read', 'web', 'upload', 'network connection', 'transfer', 'other',
] as const
export const symbolCount = symbolNames.length
export const symbols = {
  start: 0, logon: 1, logoff: 2, logonFailed: 3, privilege: 4, privilegeFailed: 5, ticket: 6, accountChange: 7,
  passwordChange: 8, process: 9, fileRead: 10, fileWrite: 11, fileCopy: 12, removable: 13, device: 14,
  emailSend: 15, emailView: 16, web: 17, upload: 18, network: 19, transfer: 20, other: 21,
} as const

/** The symbol of each known action; unknown actions are `other`. */
export const actionSymbols: ReadonlyMap<string, number> = new Map([
  ...['logon', 'ssh_accept', 'session_open', 'session'].map((action) => [action, symbols.logon] as const),
  ...['logoff', 'session_close', 'ssh_disconnect'].map((action) => [action, symbols.logoff] as const),
  ...['logon_failed', 'ssh_failed', 'ssh_invalid_user', 'account_lockout'].map((action) => [action, symbols.logonFailed] as const),
  ...['sudo', 'su', 'privilege_use', 'explicit_credentials'].map((action) => [action, symbols.privilege] as const),
  ...['sudo_failed', 'su_failed'].map((action) => [action, symbols.privilegeFailed] as const),
  ...['kerberos_tgt', 'kerberos_service', 'credential_validation'].map((action) => [action, symbols.ticket] as const),
  ...['account_create', 'account_enable', 'account_modify', 'account_delete', 'password_reset', 'group_create', 'group_member_add', 'group_member_remove'].map(
    (action) => [action, symbols.accountChange] as const,
  ),
  ['password_change', symbols.passwordChange],
  ['process_start', symbols.process],
  ['file_open', symbols.fileRead],
  ...['file_create', 'file_write', 'file_delete'].map((action) => [action, symbols.fileWrite] as const),
  ['file_copy', symbols.fileCopy],
  ...['device_connect', 'device_disconnect', 'device_mount', 'device_unmount'].map((action) => [action, symbols.device] as const),
  ['email_send', symbols.emailSend],
  ['email_view', symbols.emailView],
  ...['http_request', 'web_download', 'web_error'].map((action) => [action, symbols.web] as const),
  ['web_upload', symbols.upload],
  ['network_connect', symbols.network],
  ['transfer', symbols.transfer],
])

/** Transition counts: `counts[from * symbolCount + to]`, and their row sums. */
export interface TransitionCounts {
  counts: Float64Array
  totals: Float64Array
}

/** The three levels a probability backs off through. */
export interface TransitionModel {
  user: TransitionCounts
  peer: TransitionCounts | null
  global: TransitionCounts
}

/** Where the day's statistic is compared: the user's own earlier days once there are enough, else everyone's. */
export interface MarkovCalibration {
  own: SortedValues
  population: SortedValues
  /** Earlier active days of the user, and how many make the own distribution trustworthy. */
  userDays: number
  minHistory: number
}

export interface MarkovResult extends DetectorResult {
  /** The day's surprise in bits (see `sequenceStatistic`), to remember for calibrating later days. */
  statistic: number
}

/** Prior strength of each level for the one below (pseudo-counts). */
const userPrior = 4
const peerPrior = 4
const globalPrior = 1
/** Below this spread (bits) a user's day-to-day surprise is taken as this, so a creature of habit is not flagged for noise. */
const statisticFloor = 0.6
/** Smallest rise in bits over the usual that counts at all. */
const minimumRise = 1.5
const pairSeen = new Uint8Array(symbolCount * symbolCount)

export function createTransitionCounts(): TransitionCounts {
  return { counts: new Float64Array(symbolCount * symbolCount), totals: new Float64Array(symbolCount) }
}

/** Adds a day's transitions to the counts. */
export function addSequence(target: TransitionCounts, sequence: Uint8Array): void {
  for (let index = 1; index < sequence.length; index++) {
    const from = sequence[index - 1]!
    target.counts[from * symbolCount + sequence[index]!]! += 1
    target.totals[from]! += 1
  }
}

/** P(to | from), smoothed: global ← uniform over the symbols after start, peer ← global, user ← peer. */
export function transitionProbability(model: TransitionModel, from: number, to: number): number {
  // The start symbol only ever begins a day, so nothing transitions into it.
  if (to === symbols.start) return 0
  const cell = from * symbolCount + to
  const global = model.global
  let probability = (global.counts[cell]! + globalPrior / (symbolCount - 1)) / (global.totals[from]! + globalPrior)
  if (model.peer !== null) probability = (model.peer.counts[cell]! + peerPrior * probability) / (model.peer.totals[from]! + peerPrior)
  return (model.user.counts[cell]! + userPrior * probability) / (model.user.totals[from]! + userPrior)
}

interface RareTransition {
  from: number
  to: number
  probability: number
  userCount: number
}

/**
 * The day's surprise: the mean of −log2 P over the distinct transitions of the day, averaged
 * with the mean of the three most surprising ones (so a single never-seen step in a long,
 * ordinary day still shows), and the rarest transitions for the facts.
 */
export function sequenceStatistic(model: TransitionModel, sequence: Uint8Array): { statistic: number; rare: RareTransition[] } {
  const surprises: number[] = []
  const rare: RareTransition[] = []
  const touched: number[] = []
  for (let index = 1; index < sequence.length; index++) {
    const from = sequence[index - 1]!
    const to = sequence[index]!
    const cell = from * symbolCount + to
    if (pairSeen[cell] === 1) continue
    pairSeen[cell] = 1
    touched.push(cell)
    const probability = transitionProbability(model, from, to)
    surprises.push(-Math.log2(probability))
    rare.push({ from, to, probability, userCount: model.user.counts[cell]! })
  }
  for (const cell of touched) pairSeen[cell] = 0
  if (surprises.length === 0) return { statistic: 0, rare: [] }
  const mean = surprises.reduce((sum, value) => sum + value, 0) / surprises.length
  const top = surprises.sort((first, second) => second - first).slice(0, 3)
  const topMean = top.reduce((sum, value) => sum + value, 0) / top.length
  rare.sort((first, second) => first.probability - second.probability || first.from - second.from || first.to - second.to)
  return { statistic: (mean + topMean) / 2, rare: rare.slice(0, 3) }
}

/**
 * Scores a day's sequence: its surprise as a robust z against the user's own earlier days (or,
 * before there are `minHistory` of them, against everyone's, with the evidence damped while the
 * user is new), squashed into [0, 1].
 */
export function scoreMarkov(sequence: Uint8Array, model: TransitionModel, calibration: MarkovCalibration): MarkovResult {
  const { statistic, rare } = sequenceStatistic(model, sequence)
  const ownShare = Math.min(1, calibration.userDays / calibration.minHistory)
  const reference = ownShare >= 1 ? calibration.own : calibration.population
  if (reference.size < 3 || sequence.length < 2) return { score: 0, facts: [], types: [], statistic }
  const center = reference.median()
  const rise = statistic - center
  let z = robustZ(statistic, center, reference.scale(), statisticFloor)
  if (rise < minimumRise) z = Math.min(z, 2 * rise / minimumRise)
  // A new user is measured against everyone: half the evidence at first, all of it once their own history counts.
  if (ownShare < 1) z *= 0.5 + 0.5 * ownShare
  const score = gradedScore(z)
  if (z <= evidenceThreshold) return { score, facts: [], types: [], statistic }
  const facts: Fact[] = []
  const surpriseTotal = rare.reduce((sum, step) => sum + Math.max(0, -Math.log2(step.probability)), 0) || 1
  for (const step of rare) {
    if (step.probability >= 0.05) continue
    const share = -Math.log2(step.probability) / surpriseTotal
    const seen = step.userCount === 0 ? 'never before by this user' : `${step.userCount} times before by this user`
    facts.push({
      detector: 'markov',
      key: `${symbolNames[step.from]} → ${symbolNames[step.to]}`,
      value: round(step.probability, 4),
      baseline: null,
      z: round(z, 2),
      weight: score * share,
      text: `${symbolNames[step.from]} followed by ${symbolNames[step.to]} (probability ${percent(step.probability)}, ${seen})`,
    })
  }
  return { score, facts, types: ['rare_sequence'], statistic }
}

function percent(probability: number): string {
  return probability < 0.001 ? '< 0.1 %' : `${(probability * 100).toFixed(1)} %`
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
