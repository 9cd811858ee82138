import type { ScoredEvent, UserDay } from './types'
import { actionSymbols, symbols } from './markov'

// The user-day feature vector every detector reads. One pass over a day's events fills a
// Float64Array in `featureNames` order; first-seen counts compare the day's distinct hosts, IPs,
// domains, … with what the user had touched on earlier days (`SeenEntities`), so a day is never
// judged against itself or the future.

/**
 * The features, in vector order:
 * - per category: `events` … `system_events`;
 * - key actions: logons (logon, ssh_accept), failed logons (logon_failed, ssh_failed,
 *   ssh_invalid_user, account_lockout and any failed Kerberos/NTLM check), privilege uses (sudo,
 *   su, privilege_use, explicit_credentials) and refusals, account and group changes,
 *   processes, file copies, copies to removable media (`attrs.toRemovableMedia`, or a path under
 *   /media, /run/media, /mnt/usb, /Volumes, or on a Windows drive other than A:–C:), device connects, emails sent and their recipients
 *   (to + cc + bcc), web requests, uploads and their bytes, transfers with their amount sum and
 *   maximum, transfers within 10 % under a reporting threshold (`reportingThresholds`), the most transfers in one hour;
 * - distinct hosts, source IPs, domains, destination IPs (authentication and network events),
 *   process images, file locations (see `fileLocation`), each with how many were first seen for
 *   this user (counterparties: first seen only); the names of files touched off removable media
 *   are remembered too, not counted, so the rules can tell a copy of the user's own files from one
 *   of files they never worked with;
 * - time, over the events that did not fail (failed attempts are someone trying the account,
 *   not the user at work): share and count of events after hours (outside the working hours or
 *   on a weekend), share and count outside the working hours by the clock whatever the weekday
 *   (daytime weekend work is common and mild; work at 03:00 is neither), night events
 *   (22:00–06:00), first and last activity hour, active hours, sessions (bursts separated by 30
 *   minutes of quiet);
 * - bytes of all events and the share of events that failed.
 */
export const featureNames = [
  'events', 'authentication_events', 'process_events', 'file_events', 'network_events', 'web_events',
  'email_events', 'device_events', 'transaction_events', 'system_events',
  'logons', 'failed_logons', 'privilege_uses', 'privilege_failures', 'account_changes', 'processes',
  'file_copies', 'removable_copies', 'device_connects', 'emails_sent', 'email_recipients',
  'web_requests', 'web_uploads', 'upload_bytes', 'transfers', 'transfer_amount', 'transfer_max',
  'near_threshold_transfers', 'transfer_burst',
  'distinct_hosts', 'new_hosts', 'distinct_source_ips', 'new_source_ips', 'distinct_domains', 'new_domains',
  'distinct_destinations', 'new_destinations', 'distinct_processes', 'new_processes', 'new_counterparties',
  'distinct_locations', 'new_locations',
  'after_hours_share', 'after_hours_events', 'off_clock_share', 'off_clock_events', 'night_events',
  'first_hour', 'last_hour', 'active_hours', 'sessions',
  'bytes', 'failure_share',
] as const
export type FeatureName = (typeof featureNames)[number]
export const featureCount = featureNames.length
export const featureIndex = Object.fromEntries(featureNames.map((name, index) => [name, index])) as Record<FeatureName, number>

/** The kinds of things a user touches whose first appearance is a feature. */
export const entityKinds = ['hosts', 'sourceIps', 'domains', 'destinations', 'processes', 'counterparties', 'locations', 'files'] as const
export type EntityKind = (typeof entityKinds)[number]
/** What a user has touched on earlier days, per kind. */
export type SeenEntities = Record<EntityKind, Set<string>>
/** The distinct values of one day, per kind. */
export type DayEntities = Record<EntityKind, string[]>

/** Where working hours lie; after hours is outside [start, end) local time or on a weekend day. */
export interface WorkingTime {
  startHour: number
  endHour: number
  /** Days of the week that are not working days, 0 = Sunday. */
  weekendDays: readonly number[]
}
export const defaultWorkingTime: WorkingTime = { startHour: 7, endHour: 19, weekendDays: [0, 6] }

/** One day's features and what detectors need beyond the vector. */
export interface DayFeatures {
  vector: Float64Array
  /** Distinct values of the day, and those among them the user had never touched before. */
  entities: DayEntities
  firstSeen: DayEntities
  /** The distinct actions of the day, sorted. */
  actions: string[]
  /** Action symbols in time order, repeats collapsed, starting with the start-of-day symbol. */
  sequence: Uint8Array
  /** Events per clock hour of the day (0–23), those that count as the user being active. */
  hourEvents: number[]
  /** The day's uploads per host name: how many, and their bytes (0 where sizes are not logged). */
  uploads: Map<string, HostUploads>
}

export interface HostUploads {
  uploads: number
  bytes: number
}

/**
 * Reporting thresholds transfers are structured under (AML), and how close counts as "just under".
 * Common regimes: 10,000 (US, EU, UK, Canada, Australia), 15,000 (Swiss francs), 25,000 and
 * 50,000 (South Africa's cash threshold before and after 2022). The ledger seldom names its
 * currency, so a transfer just under any of them counts.
 */
export const reportingThresholds = { amounts: [10_000, 15_000, 25_000, 50_000], lowerFraction: 0.9 } as const

/** Whether an amount is within `lowerFraction` under one of the reporting thresholds. */
function isJustUnderThreshold(amount: number): boolean {
  return reportingThresholds.amounts.some((threshold) => amount >= threshold * reportingThresholds.lowerFraction && amount < threshold)
}

const hourMs = 3_600_000
const sessionGapMs = 30 * 60_000
const maxSequence = 4096
// Sticks mount under these on Linux and macOS; on Windows they take the next free drive letter.
// A fixed data drive (D:) matches too, but whoever writes there daily has it in their history.
const removablePath = /^(\/media\/|\/run\/media\/|\/mnt\/(usb|removable|media)|\/Volumes\/|[D-Z]:\\)/i
const sequenceBuffer = new Uint8Array(maxSequence)

/** Which specific counter an action increments (category counts are separate). */
const actionCounters: ReadonlyMap<string, number> = new Map([
  ...['logon', 'ssh_accept'].map((action) => [action, featureIndex.logons] as const),
  ...['logon_failed', 'ssh_failed', 'ssh_invalid_user', 'account_lockout'].map((action) => [action, featureIndex.failed_logons] as const),
  ...['sudo', 'su', 'privilege_use', 'explicit_credentials'].map((action) => [action, featureIndex.privilege_uses] as const),
  ...['sudo_failed', 'su_failed'].map((action) => [action, featureIndex.privilege_failures] as const),
  ...['account_create', 'account_enable', 'account_modify', 'account_delete', 'password_reset', 'group_create', 'group_member_add', 'group_member_remove'].map(
    (action) => [action, featureIndex.account_changes] as const,
  ),
  ['process_start', featureIndex.processes],
  ['file_copy', featureIndex.file_copies],
  ['device_connect', featureIndex.device_connects],
  ['email_send', featureIndex.emails_sent],
  ...['http_request', 'web_download'].map((action) => [action, featureIndex.web_requests] as const),
  ['web_upload', featureIndex.web_uploads],
  ['transfer', featureIndex.transfers],
])
const categoryCounters: Readonly<Record<string, number>> = {
  authentication: featureIndex.authentication_events,
  process: featureIndex.process_events,
  file: featureIndex.file_events,
  network: featureIndex.network_events,
  web: featureIndex.web_events,
  email: featureIndex.email_events,
  device: featureIndex.device_events,
  transaction: featureIndex.transaction_events,
  system: featureIndex.system_events,
}

export function createSeenEntities(): SeenEntities {
  return { hosts: new Set(), sourceIps: new Set(), domains: new Set(), destinations: new Set(), processes: new Set(), counterparties: new Set(), locations: new Set(), files: new Set() }
}

const failedLogonActions: ReadonlySet<string> = new Set(['logon_failed', 'ssh_failed', 'ssh_invalid_user', 'account_lockout'])
const privilegeFailureActions: ReadonlySet<string> = new Set(['sudo_failed', 'su_failed'])

/** A failed logon: the failed verbs, or any failed authentication that is not a refused sudo/su. */
export function isFailedLogon(event: ScoredEvent): boolean {
  if (failedLogonActions.has(event.action)) return true
  return event.category === 'authentication' && event.outcome === 'failure' && !privilegeFailureActions.has(event.action)
}

/** A successful interactive or remote logon. */
export function isSuccessfulLogon(event: ScoredEvent): boolean {
  return (event.action === 'logon' || event.action === 'ssh_accept') && event.outcome !== 'failure'
}

/** True for a file event that wrote to removable media. */
export function isRemovableWrite(action: string, object: string | null, attrs: Record<string, unknown>): boolean {
  if (action !== 'file_copy' && action !== 'file_write' && action !== 'file_create') return false
  if (attrs.toRemovableMedia === true) return true
  return attrs.toRemovableMedia === undefined && object !== null && removablePath.test(object)
}

/** Local weekday (0 = Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay()
}

/** Computes one user-day's features against what the user had touched before (`seen` is not changed). */
export function computeDayFeatures(day: UserDay, seen: SeenEntities, working: WorkingTime = defaultWorkingTime): DayFeatures {
  const vector = new Float64Array(featureCount)
  const sets: Record<EntityKind, Set<string>> = createSeenEntities()
  const weekend = working.weekendDays.includes(weekdayOf(day.date))
  const transferTimes: number[] = []
  const actions = new Set<string>()
  const uploads = new Map<string, HostUploads>()
  let failures = 0
  const clock = createClock(day, working, weekend)
  let length = 1
  let lastSymbol: number = symbols.start
  sequenceBuffer[0] = symbols.start
  for (const event of day.events) {
    const category = categoryCounters[event.category]
    if (category !== undefined) vector[category]! += 1
    actions.add(event.action)
    let counter = actionCounters.get(event.action)
    let symbol = actionSymbols.get(event.action) ?? symbols.other
    if (event.outcome === 'failure') {
      failures++
      // A failed Kerberos, NTLM or generic logon check is a failed logon whatever its verb.
      if (event.category === 'authentication' && counter === undefined) {
        counter = featureIndex.failed_logons
        symbol = symbols.logonFailed
      }
    }
    if (counter !== undefined) vector[counter]! += 1
    if (event.host !== null) sets.hosts.add(hostIdentity(event.host))
    if (event.srcIp !== null && !isLocalAddress(event.srcIp)) sets.sourceIps.add(event.srcIp)
    if (event.bytes !== null && event.bytes > 0) vector[featureIndex.bytes]! += event.bytes
    if (event.action === 'web_upload' && event.object !== null) {
      const entry = uploads.get(event.object) ?? { uploads: 0, bytes: 0 }
      entry.uploads++
      entry.bytes += event.bytes ?? 0
      uploads.set(event.object, entry)
    }
    switch (event.category) {
      case 'file':
        if (event.object !== null) {
          // A share opened (5140) is a location itself, not a file in one.
          const location = event.action === 'share_access' ? event.object.toLowerCase() : fileLocation(event.object)
          if (location !== null) sets.locations.add(location)
        }
        if (isRemovableWrite(event.action, event.object, event.attrs)) {
          vector[featureIndex.removable_copies]! += 1
          symbol = symbols.removable
        } else if (event.object !== null && event.action !== 'share_access') {
          sets.files.add(fileName(event.object))
        }
        break
      case 'email':
        if (event.action === 'email_send') vector[featureIndex.email_recipients]! += recipientCount(event.object, event.attrs)
        break
      case 'web':
        if (event.object !== null) sets.domains.add(event.object)
        if (event.action === 'web_upload') vector[featureIndex.upload_bytes]! += event.bytes ?? 0
        break
      case 'network':
        if (event.object !== null) sets.domains.add(event.object)
        if (event.dstIp !== null) sets.destinations.add(event.dstIp)
        break
      case 'authentication':
        if (event.dstIp !== null) sets.destinations.add(event.dstIp)
        break
      case 'process':
        if (event.action === 'process_start' && event.object !== null) sets.processes.add(imageName(event.object))
        break
      case 'transaction':
        if (event.action === 'transfer') {
          const amount = Math.abs(event.amount ?? 0)
          vector[featureIndex.transfer_amount]! += amount
          if (amount > vector[featureIndex.transfer_max]!) vector[featureIndex.transfer_max] = amount
          if (isJustUnderThreshold(amount)) vector[featureIndex.near_threshold_transfers]! += 1
          if (event.object !== null) sets.counterparties.add(event.object)
          transferTimes.push(event.ts)
        }
        break
    }
    // Failed attempts are someone trying the account, not the user at work: they count as
    // failures, not as activity at 03:00.
    if (event.outcome !== 'failure') clock.add(event.ts)
    if (symbol !== lastSymbol && length < maxSequence) {
      sequenceBuffer[length++] = symbol
      lastSymbol = symbol
    }
  }
  const events = day.events.length
  vector[featureIndex.events] = events
  vector[featureIndex.transfer_burst] = maxWithin(transferTimes, hourMs)
  clock.write(vector)
  vector[featureIndex.failure_share] = events > 0 ? failures / events : 0
  const entities = {} as DayEntities
  const firstSeen = {} as DayEntities
  for (const kind of entityKinds) {
    const values = [...sets[kind]].sort()
    entities[kind] = values
    firstSeen[kind] = values.filter((value) => !seen[kind].has(value))
  }
  vector[featureIndex.distinct_hosts] = entities.hosts.length
  vector[featureIndex.new_hosts] = firstSeen.hosts.length
  vector[featureIndex.distinct_source_ips] = entities.sourceIps.length
  vector[featureIndex.new_source_ips] = firstSeen.sourceIps.length
  vector[featureIndex.distinct_domains] = entities.domains.length
  vector[featureIndex.new_domains] = firstSeen.domains.length
  vector[featureIndex.distinct_destinations] = entities.destinations.length
  vector[featureIndex.new_destinations] = firstSeen.destinations.length
  vector[featureIndex.distinct_processes] = entities.processes.length
  vector[featureIndex.new_processes] = firstSeen.processes.length
  vector[featureIndex.new_counterparties] = firstSeen.counterparties.length
  vector[featureIndex.distinct_locations] = entities.locations.length
  vector[featureIndex.new_locations] = firstSeen.locations.length
  return { vector, entities, firstSeen, actions: [...actions].sort(), sequence: sequenceBuffer.slice(0, length), hourEvents: clock.hourEvents, uploads }
}

/** Time-of-day features, accumulated over the events that count as the user being active. */
function createClock(day: UserDay, working: WorkingTime, weekend: boolean) {
  let afterHours = 0
  let offClock = 0
  let night = 0
  let sessions = 0
  const hours: number[] = []
  let previousTs = -Infinity
  const clock = {
    events: 0,
    hourEvents: new Array<number>(24).fill(0),
    add(ts: number): void {
      const hour = Math.min(23.999, Math.max(0, (ts - day.dayStart) / hourMs))
      clock.events++
      clock.hourEvents[Math.floor(hour)]!++
      hours.push(hour)
      const outside = hour < working.startHour || hour >= working.endHour
      if (outside) offClock++
      if (weekend || outside) afterHours++
      if (hour < 6 || hour >= 22) night++
      if (ts - previousTs > sessionGapMs) sessions++
      previousTs = ts
    },
    write(vector: Float64Array): void {
      const events = Math.max(1, clock.events)
      // A day of nothing but failed attempts has no hours of its own: it gets the working day's bounds, neither early nor late.
      const [first, last] = clock.events > 0 ? workingPeriod(hours) : [working.startHour, working.endHour]
      vector[featureIndex.first_hour] = first
      vector[featureIndex.last_hour] = last
      vector[featureIndex.after_hours_events] = afterHours
      vector[featureIndex.after_hours_share] = afterHours / events
      vector[featureIndex.off_clock_events] = offClock
      vector[featureIndex.off_clock_share] = offClock / events
      vector[featureIndex.night_events] = night
      vector[featureIndex.active_hours] = clock.hourEvents.filter((events) => events > 0).length
      vector[featureIndex.sessions] = sessions
    },
  }
  return clock
}

/** Events before this hour may end the previous evening's working period. */
const wrapBefore = 6

/**
 * First and last activity of the day's working period: the day read as a circle, broken at its
 * longest quiet stretch. For someone whose evening runs past the workspace's midnight (an office
 * five hours west of it, a late shift) the few minutes after midnight end the period (last hour
 * 24.5 for 00:30) instead of starting it; on an office day the longest quiet stretch is the night,
 * so the period is simply first to last. Only events before 06:00 wrap, so the last hour stays
 * below 30. `hours` ascending, in [0, 24).
 */
export function workingPeriod(hours: readonly number[]): [number, number] {
  let breakAt = 0
  let longest = hours[0]! + 24 - hours[hours.length - 1]!
  for (let index = 1; index < hours.length; index++) {
    const gap = hours[index]! - hours[index - 1]!
    if (gap > longest) [longest, breakAt] = [gap, index]
  }
  // Only the small hours wrap: a day busy around the clock is read from its first event to its last.
  if (breakAt === 0 || hours[breakAt - 1]! >= wrapBefore) return [hours[0]!, hours[hours.length - 1]!]
  return [hours[breakAt]!, hours[breakAt - 1]! + 24]
}

/** Adds the day's entities to what the user has seen. */
export function rememberEntities(seen: SeenEntities, entities: DayEntities): void {
  for (const kind of entityKinds) for (const value of entities[kind]) seen[kind].add(value)
}

/** Recipients of a sent email: the `;`/`,`-separated `object` (to) plus cc and bcc. */
function recipientCount(object: string | null, attrs: Record<string, unknown>): number {
  let count = addressCount(object)
  if (typeof attrs.cc === 'string') count += addressCount(attrs.cc)
  if (typeof attrs.bcc === 'string') count += addressCount(attrs.bcc)
  return Math.max(count, 1)
}

function addressCount(text: string | null): number {
  if (text === null || text.trim() === '') return 0
  let count = 1
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 59 || code === 44) count++
  }
  return count
}

/** A path's last part, lower-case: what a copy to removable media keeps of its source. */
export function fileName(path: string): string {
  const text = path.trim().toLowerCase()
  return text.slice(Math.max(text.lastIndexOf('\\'), text.lastIndexOf('/')) + 1)
}

/**
 * Where a file lives, coarsely: the share of a UNC path (`\\fs01\finance`), else the drive or
 * root and the first two folders below it (`c:\users\bob`, `/srv/data`), lower-case; null for a
 * bare name. Coarse on purpose: opening a share or home folder one has never touched is what
 * collection before theft looks like, while new sub-folders of one's own share are everyday work.
 */
export function fileLocation(path: string): string | null {
  let location = locationCache.get(path)
  if (location !== undefined) return location
  const separator = path.includes('\\') ? '\\' : '/'
  const text = path.trim().toLowerCase()
  const unc = text.startsWith('\\\\')
  // The last part is the file's own name, not a place.
  const folders = text.split(separator).filter((part) => part !== '').slice(0, -1)
  if (unc) location = folders.length >= 2 ? `\\\\${folders[0]}\\${folders[1]}` : null
  else if (folders.length === 0) location = null
  else location = (text.startsWith(separator) ? separator : '') + folders.slice(0, (/^[a-z]:$/.test(folders[0]!) ? 1 : 0) + 2).join(separator)
  // Paths repeat (a user's working files): remembering them saves the splitting, within bounds.
  if (locationCache.size >= 65_536) locationCache.clear()
  locationCache.set(path, location)
  return location
}
const locationCache = new Map<string, string | null>()

/** The executable's file name, lower-case, from a command line or image path. */
function imageName(commandLine: string): string {
  const trimmed = commandLine.trimStart()
  const quoted = trimmed.startsWith('"')
  const end = quoted ? trimmed.indexOf('"', 1) : trimmed.indexOf(' ')
  const image = quoted ? trimmed.slice(1, end < 0 ? undefined : end) : end < 0 ? trimmed : trimmed.slice(0, end)
  const slash = Math.max(image.lastIndexOf('/'), image.lastIndexOf('\\'))
  return image.slice(slash + 1).toLowerCase()
}

/** The most timestamps (sorted) within any window of `windowMs`. */
export function maxWithin(times: readonly number[], windowMs: number): number {
  let best = 0
  for (let end = 0, start = 0; end < times.length; end++) {
    while (times[end]! - times[start]! > windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

/**
 * Loopback and unspecified addresses: Windows logs a logon at the console or an unlock as coming
 * from 127.0.0.1, so they say where nobody came from, and are no network source. (`makeEvent`
 * already made `-` null and `::ffff:127.0.0.1` plain.)
 */
export function isLocalAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address === '0.0.0.0' || address === '::'
}

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * One name per machine, whichever log named it: `WS-7461.corp.example.com` (Winlogbeat's
 * computer name), `WS-7461` (Sysmon) and `ws-7461` (the endpoint agent) are one host, so using
 * it from two sources is not two hosts never used before. Addresses stay as they are.
 */
export function hostIdentity(host: string): string {
  if (host.includes(':') || ipv4.test(host)) return host
  const dot = host.indexOf('.')
  return (dot > 0 ? host.slice(0, dot) : host).toLowerCase()
}
