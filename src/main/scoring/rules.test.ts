import { describe, expect, it } from 'vitest'
import { actionVocabulary } from '../../shared/actions'
import { comparedValues } from './baseline'
import { computeDayFeatures, createSeenEntities } from './features'
import { createUserHistory, rememberUploads, rememberUserDay, type SiteUploaders, type UserHistory } from './history'
import { buildFailureIndex, buildGrantIndex, evaluateRules, ruleScale, strengthOver, validateRules, type FailureIndex, type GrantIndex, type Rule } from './rules'
import { defaultRules, withNewDefaults } from './rules-default'
import type { ScoredEvent, UserDay } from './types'

const firstDay = Date.UTC(2024, 2, 4)
const dayMs = 86_400_000

function event(dayIndex: number, minutes: number, action: string, extra: Partial<ScoredEvent> = {}): ScoredEvent {
  const failed = action.endsWith('_failed') || action === 'ssh_invalid_user'
  return {
    ts: firstDay + dayIndex * dayMs + minutes * 60_000,
    category: actionVocabulary[action]?.category ?? 'system',
    action,
    outcome: failed ? 'failure' : 'success',
    host: 'ws1', srcIp: '10.0.0.1', dstIp: null, object: null, bytes: null, amount: null, attrs: {},
    ...extra,
  }
}

function day(dayIndex: number, events: ScoredEvent[], user = 'alice'): UserDay {
  const dayStart = firstDay + dayIndex * dayMs
  return { user, date: new Date(dayStart).toISOString().slice(0, 10), dayStart, offsetMinutes: 0, events: events.sort((first, second) => first.ts - second.ts) }
}

/** An office day: logon at 09:00, some browsing, logoff. */
function office(dayIndex: number, extra: ScoredEvent[] = []): UserDay {
  return day(dayIndex, [
    event(dayIndex, 540, 'logon'),
    ...Array.from({ length: 10 }, (_, index) => event(dayIndex, 550 + index * 30, 'http_request', { object: 'intranet.example' })),
    event(dayIndex, 1020, 'logoff'),
    ...extra,
  ])
}

const noFailures: FailureIndex = new Map()

/** Evaluates `rules` on each day in turn, remembering each day as the orchestrator does; returns the last result. `grants` are the last day's. */
function run(rules: readonly Rule[], days: UserDay[], failures: FailureIndex = noFailures, uploaders: SiteUploaders = new Map(), grants: GrantIndex = new Map()) {
  const history: UserHistory = createUserHistory()
  let result = null as ReturnType<typeof evaluateRules> | null
  for (const current of days) {
    const features = computeDayFeatures(current, history.seen)
    result = evaluateRules(rules, { day: current, features, history, failures, grants: current === days.at(-1) ? grants : new Map(), uploaders })
    rememberUserDay(history, { date: current.date, features, compared: comparedValues(features.vector), surprise: 0, firedRules: result.fired, notableRules: result.notable, ruleCounts: result.counts, spread: null, present: true })
  }
  return result!
}

function rule(id: string): Rule {
  return defaultRules.find((candidate) => candidate.id === id)!
}

const quietWeek = Array.from({ length: 6 }, (_, index) => office(index))

describe('validateRules', () => {
  it('accepts the default rule set', () => {
    expect(validateRules(defaultRules)).toEqual({ rules: defaultRules, errors: [] })
  })

  it('names what is wrong: unknown kind, bad severity or technique, duplicate id', () => {
    const broken = [
      { ...rule('aml-threshold'), severity: 2 },
      { ...rule('off-hours-access'), technique: 'T12' },
    ]
    expect(validateRules(broken).errors.join('\n')).toMatch(/0\.severity.*\n1\.technique/s)
    expect(validateRules([{ ...rule('aml-threshold'), kind: 'nonsense' }]).errors.length).toBeGreaterThan(0)
    expect(validateRules([rule('aml-threshold'), rule('aml-threshold')]).errors).toEqual(['aml-threshold: duplicate rule id'])
    // A recurrence rule counts rules of its own set: one deleted from under it is an error, not a rule that never fires.
    expect(validateRules([rule('sustained-job-search')]).errors).toEqual(["sustained-job-search: rules: 'job-search' is not another rule of this set"])
  })
})

describe('withNewDefaults', () => {
  it('adds the built-in rules a set was saved without, but not a recurrence over a rule the analyst deleted', () => {
    const withoutJobSearch = defaultRules.filter((rule) => rule.id !== 'job-search' && rule.id !== 'sustained-job-search')
    const knownBefore = withoutJobSearch.map((rule) => rule.id)
    expect(withNewDefaults(withoutJobSearch, knownBefore).map((rule) => rule.id).slice(-2)).toEqual(['job-search', 'sustained-job-search'])
    // job-search was known and deleted: the new recurrence over it would count nothing, so it stays out.
    expect(withNewDefaults(withoutJobSearch, [...knownBefore, 'job-search']).map((rule) => rule.id)).toEqual(knownBefore)
    expect(withNewDefaults(defaultRules, defaultRules.map((rule) => rule.id))).toEqual(defaultRules)
  })
})

describe('evaluateRules', () => {
  const bruteForce = (failures: number, successFrom: string) =>
    office(6, [
      ...Array.from({ length: failures }, (_, index) => event(6, 120 + index * 0.2, 'ssh_failed', { srcIp: '203.0.113.5', host: 'srv1' })),
      event(6, 125, 'ssh_accept', { srcIp: successFrom, host: 'srv1' }),
    ])

  it('fires brute force then success from the same source, not after a few typos or from elsewhere', () => {
    const fired = run([rule('brute-force-then-success')], [...quietWeek, bruteForce(14, '203.0.113.5')])
    // Graded by magnitude: 14 failures against a bar of 5 is most, 20 (four times the bar) all of the severity.
    expect(fired.score).toBeCloseTo(ruleScale * (0.9 * strengthOver(14, 5)))
    expect(fired.score / ruleScale).toBeGreaterThan(0.7)
    expect(run([rule('brute-force-then-success')], [...quietWeek, bruteForce(20, '203.0.113.5')]).score).toBeCloseTo(ruleScale * 0.9)
    expect(fired.types).toEqual(['account_takeover', 'brute_force'])
    expect(fired.facts[0]!.text).toBe('14 failed logons followed by a successful logon from 203.0.113.5 within 5 minutes (rule brute-force-then-success, T1110)')
    expect(run([rule('brute-force-then-success')], [...quietWeek, bruteForce(3, '203.0.113.5')]).score).toBe(0)
    expect(run([rule('brute-force-then-success')], [...quietWeek, bruteForce(14, '10.0.0.1')]).score).toBe(0)
    // From an address the user logged on from before (a forgotten password at their desk): half.
    const fromThere = Array.from({ length: 6 }, (_, index) => office(index, [event(index, 541, 'ssh_accept', { srcIp: '203.0.113.5', host: 'srv1' })]))
    const familiar = run([rule('brute-force-then-success')], [...fromThere, bruteForce(20, '203.0.113.5')])
    expect(familiar.score).toBeCloseTo(ruleScale * 0.45)
    expect(familiar.facts[0]!.text).toContain('(an address used before)')
  })

  it('counts a burst of failed logons all from addresses the user used before at half', () => {
    const burst = run([rule('failed-logon-burst')], [...quietWeek, bruteForce(40, '203.0.113.5')])
    expect(burst.fired).toEqual(['failed-logon-burst'])
    expect(burst.facts[0]!.text).toBe('40 failed logons within 10 minutes, usually at most 0 (rule failed-logon-burst, T1110.001)')
    const fromThere = Array.from({ length: 6 }, (_, index) => office(index, [event(index, 541, 'ssh_accept', { srcIp: '203.0.113.5', host: 'srv1' })]))
    const familiar = run([rule('failed-logon-burst')], [...fromThere, bruteForce(40, '203.0.113.5')])
    expect(familiar.facts[0]!.text).toBe('40 failed logons within 10 minutes, all from addresses used before, usually at most 0 (rule failed-logon-burst, T1110.001)')
    expect(familiar.score).toBeCloseTo(burst.score * 0.5)
  })

  it('fires password spraying from the cross-user failure index', () => {
    const spray = (users: number) => Array.from({ length: users }, (_, index) => day(6, [event(6, 60 + index, 'ssh_failed', { srcIp: '198.51.100.9' })], `user${index}`))
    const targeted = office(6, [event(6, 61, 'ssh_failed', { srcIp: '198.51.100.9' })])
    const wide = buildFailureIndex(spray(6))
    expect(wide.get('198.51.100.9')?.users.size).toBe(6)
    const result = run([rule('password-spray'), rule('password-spray-success')], [...quietWeek, targeted], wide)
    // A spray that failed is recorded for the analyst but weighs nothing: it says nothing of the user.
    expect(result.fired).toEqual(['password-spray'])
    expect(result.score).toBe(0)
    expect(result.facts[0]!.text).toContain('198.51.100.9, which failed against 6 accounts that day')
    expect(run([rule('password-spray')], [...quietWeek, targeted], buildFailureIndex(spray(3))).fired).toEqual([])
    // The source then got in: a takeover.
    const breached = office(6, [event(6, 61, 'ssh_failed', { srcIp: '198.51.100.9' }), event(6, 62, 'ssh_accept', { srcIp: '198.51.100.9' })])
    const taken = run([rule('password-spray'), rule('password-spray-success')], [...quietWeek, breached], wide)
    expect(taken.fired).toEqual(['password-spray', 'password-spray-success'])
    expect(taken.types).toEqual(['password_spray', 'account_takeover'])
    expect(taken.facts[0]!.text).toContain('then a successful logon from it')
    // Windows logs typos at everyone's own console as from 127.0.0.1: no source, no spray.
    const typos = Array.from({ length: 40 }, (_, index) => day(6, [event(6, 60 + index, 'logon_failed', { srcIp: '127.0.0.1' })], `user${index}`))
    expect(buildFailureIndex(typos).size).toBe(0)
  })

  it('fires first-time privilege use only for a user with a history and no earlier privilege use', () => {
    const sudoDay = (index: number) => office(index, [event(index, 600, 'sudo', { object: '/bin/bash' })])
    expect(run([rule('first-privilege-use')], [...quietWeek, sudoDay(6)]).facts[0]!.value).toBe('sudo')
    expect(run([rule('first-privilege-use')], [office(0), office(1), sudoDay(2)]).score).toBe(0)
    expect(run([rule('first-privilege-use')], [sudoDay(0), ...quietWeek.slice(1), sudoDay(6)]).score).toBe(0)
  })

  it('fires on a member added to an administrative group, by bare or domain-qualified name', () => {
    const added = (group: string) => office(6, [event(6, 600, 'group_member_add', { object: group, attrs: { targetUser: 'mallory' } })])
    const result = run([rule('admin-group-add')], [...quietWeek, added('CORP\\Domain Admins')])
    expect(result.facts[0]!.text).toBe('mallory added to the administrative group CORP\\Domain Admins (rule admin-group-add, T1098)')
    expect(run([rule('admin-group-add')], [...quietWeek, added('developers')]).score).toBe(0)
  })

  it('counts rights given to someone else at 0.6, and the user’s own at full strength', () => {
    const adds = (member: string) => office(6, [event(6, 600, 'group_member_add', { object: 'sudo', attrs: { targetUser: member } })])
    expect(run([rule('admin-group-add')], [...quietWeek, adds('mallory')]).score).toBeCloseTo(ruleScale * 0.8 * 0.6)
    const own = run([rule('admin-group-add')], [...quietWeek, adds('CORP\\Alice')])
    expect(own.score).toBeCloseTo(ruleScale * 0.8)
    expect(own.facts[0]!.text).toMatch(/\(their own account\)/)
    const ran = (command: string) => run([rule('admin-group-add')], [...quietWeek, office(6, [event(6, 600, 'sudo', { object: command })])])
    expect(ran('/usr/sbin/usermod -aG sudo alice').score).toBeCloseTo(ruleScale * 0.8)
    expect(ran('/usr/sbin/usermod -aG sudo bob').score).toBeCloseTo(ruleScale * 0.8 * 0.6)
  })

  it('credits rights granted by another account to the member, in full, and to the administrator at 0.6', () => {
    // Windows records the administrator who acted as the event's user; the member is whose rights changed.
    const grantingDay = day(6, [event(6, 600, 'group_member_add', { object: 'Administrators', attrs: { targetUser: 'Alice' } })], 'bob')
    const grants = buildGrantIndex([grantingDay, office(6)])
    expect([...grants]).toEqual([['alice', [{ group: 'Administrators', by: 'bob' }]]])
    const member = run([rule('admin-group-add')], [...quietWeek, office(6)], noFailures, new Map(), grants)
    expect(member.score).toBeCloseTo(ruleScale * 0.8)
    expect(member.facts[0]!.text).toBe('alice added to the administrative group Administrators by bob (rule admin-group-add, T1098)')
    const bobsWeek = quietWeek.map((quiet) => ({ ...quiet, user: 'bob' }))
    expect(run([rule('admin-group-add')], [...bobsWeek, grantingDay], noFailures, new Map(), grants).score).toBeCloseTo(ruleScale * 0.8 * 0.6)
    // A group that is not administrative grants nothing worth a finding.
    const developers = buildGrantIndex([day(6, [event(6, 600, 'group_member_add', { object: 'developers', attrs: { targetUser: 'alice' } })], 'bob')])
    expect(run([rule('admin-group-add')], [...quietWeek, office(6)], noFailures, new Map(), developers).score).toBe(0)
  })

  it('fires on the command that adds a member to an administrative group, when the log has only the command', () => {
    const ran = (action: string, command: string) => run([rule('admin-group-add')], [...quietWeek, office(6, [event(6, 600, action, { object: command })])])
    expect(ran('sudo', '/usr/sbin/usermod -aG sudo mallory').facts[0]!.text).toBe(
      'ran /usr/sbin/usermod -aG sudo mallory, which adds a member to the administrative group sudo (rule admin-group-add, T1098)',
    )
    expect(ran('sudo', 'gpasswd -a mallory wheel').facts[0]!.value).toBe('wheel')
    expect(ran('sudo', '/usr/sbin/adduser mallory admin').facts[0]!.value).toBe('admin')
    // Debian's adm reads logs: provisioning, not administration.
    expect(ran('sudo', '/usr/sbin/adduser mallory adm').score).toBe(0)
    expect(ran('process_start', 'C:\\Windows\\System32\\net.exe group "Domain Admins" mallory /add /domain').facts[0]!.value).toBe('domain admins')
    expect(ran('process_start', 'powershell.exe Add-LocalGroupMember -Group Administrators -Member mallory').facts[0]!.value).toBe('administrators')
    // The group after the command counts, not the sudo in front of it; and listing a group is not adding to it.
    expect(ran('process_start', 'sudo usermod -aG docker mallory').score).toBe(0)
    expect(ran('process_start', 'net localgroup administrators').score).toBe(0)
    expect(ran('sudo', '/usr/sbin/usermod -s /bin/zsh mallory').score).toBe(0)
  })

  it('fires on a burst of first-seen hosts beyond the user’s usual, after the user has a history', () => {
    const quiet = Array.from({ length: 11 }, (_, index) => office(index - 11))
    const hosts = (index: number, count: number, prefix = 'srv') => office(index, Array.from({ length: count }, (_, host) => event(index, 700 + host, 'ssh_accept', { host: `${prefix}${index}-${host}` })))
    const hopping = hosts(0, 5)
    expect(run([rule('new-host-burst')], [...quiet, hopping]).facts[0]!.text).toMatch(/^5 hosts never used before \(srv0-0, srv0-1, srv0-2, …\), usually at most 0/)
    expect(run([rule('new-host-burst')], [office(-1), hopping]).score).toBe(0)
    // Until five days have been counted, twice the bar: five new hosts on the sixth day are not yet a burst.
    expect(run([rule('new-host-burst')], [...quiet.slice(0, 6), hopping]).score).toBe(0)
    // Five new hosts are a burst; twelve are a sweep too, and weigh more.
    const burst = [rule('new-host-burst'), rule('new-host-sweep')]
    expect(run(burst, [...quiet, hopping]).fired).toEqual(['new-host-burst'])
    expect(run(burst, [...quiet, hosts(0, 12)]).score).toBeCloseTo(ruleScale * (0.6 * strengthOver(12, 4) + 0.5 * strengthOver(12, 10)))
    // A helpdesk round through new machines every few days is the user's usual: no burst.
    const rounds = Array.from({ length: 12 }, (_, index) => (index % 3 === 0 ? hosts(index - 12, 12, 'lt') : office(index - 12)))
    expect(run(burst, [...rounds, hosts(0, 12, 'lt')]).score).toBe(0)
    // So is an administrator's occasional round a little larger than the largest before it; half as large again is a burst.
    const occasional = Array.from({ length: 12 }, (_, index) => (index === 6 || index === 10 ? hosts(index - 12, 10, 'lt') : office(index - 12)))
    expect(run(burst, [...occasional, hosts(0, 14, 'ws')]).score).toBe(0)
    expect(run(burst, [...occasional, hosts(0, 16, 'ws')]).fired).toEqual(['new-host-burst', 'new-host-sweep'])
  })

  it('fires on mass copies to removable media, unless that is the user’s usual', () => {
    const copies = (index: number, count: number) => office(index, Array.from({ length: count }, (_, copy) => event(index, 700 + copy * 0.1, 'file_copy', { object: `E:\\${copy}.pdf`, attrs: { toRemovableMedia: true } })))
    // Just past the threshold of 20 is about half the severity; four times it, all of it.
    expect(run([rule('removable-mass-copy')], [...quietWeek, copies(6, 25)]).score).toBeCloseTo(ruleScale * (0.8 * strengthOver(25, 20)))
    expect(run([rule('removable-mass-copy')], [...quietWeek, copies(6, 25)]).score).toBeLessThan(0.5)
    expect(run([rule('removable-mass-copy')], [...quietWeek, copies(6, 80)]).score).toBeCloseTo(ruleScale * 0.8)
    const habitual = Array.from({ length: 6 }, (_, index) => copies(index, 20))
    expect(run([rule('removable-mass-copy')], [...habitual, copies(6, 25)]).score).toBe(0)
    // A few files to a stick now and then (one day in six): a big copy still fires, at half the evidence.
    const now = Array.from({ length: 18 }, (_, index) => (index % 6 === 0 ? copies(index - 18, 3) : office(index - 18)))
    const stickUser = run([rule('removable-mass-copy')], [...now, copies(0, 200)])
    expect(stickUser.score).toBeCloseTo(ruleScale * 0.8 * 0.5)
    expect(stickUser.facts[0]!.text).toContain('200 files written to removable media, by a user who writes to removable media now and then, usually at most 3')
    // Unknown usual: twice the threshold, and nothing on the first day, then a ramp over five days.
    expect(run([rule('removable-mass-copy')], [office(-2), office(-1), copies(0, 25)]).score).toBe(0)
    expect(run([rule('removable-mass-copy')], [copies(0, 160)]).score).toBe(0)
    expect(run([rule('removable-mass-copy')], [office(-2), office(-1), copies(0, 160)]).score).toBeCloseTo(ruleScale * (0.8 * (2 / 5)))
  })

  it('weighs a mass copy of the user’s own files at half a copy of files they never worked with', () => {
    const own = Array.from({ length: 40 }, (_, file) => `C:\\Users\\alice\\Documents\\report-${file}.docx`)
    const worked = Array.from({ length: 6 }, (_, index) => office(index, own.map((path, file) => event(index, 600 + file * 0.1, 'file_open', { object: path }))))
    const copy = (names: (file: number) => string) =>
      office(6, Array.from({ length: 80 }, (_, file) => event(6, 700 + file * 0.1, 'file_create', { object: `E:\\${names(file)}` })))
    const stranger = run([rule('removable-mass-copy')], [...worked, copy((file) => `board-minutes-${file}.pdf`)])
    const backup = run([rule('removable-mass-copy')], [...worked, copy((file) => `report-${file % 40}.docx`)])
    expect(stranger.score).toBeCloseTo(ruleScale * 0.8)
    expect(backup.score).toBeCloseTo(ruleScale * 0.8 * 0.5)
    expect(backup.facts[0]!.text).toMatch(/^80 files written to removable media, 100 % of them files the user had worked with before/)
    const half = run([rule('removable-mass-copy')], [...worked, copy((file) => (file % 2 === 0 ? `report-${file % 40}.docx` : `plan-${file}.xlsx`))])
    expect(half.score).toBeCloseTo(ruleScale * 0.8 * 0.75)
    // Beyond four times the bar (80 copies) the discount fades: 320 of one's own files are a haul, not a backup.
    const haul = office(6, Array.from({ length: 320 }, (_, file) => event(6, 700 + file * 0.1, 'file_create', { object: `E:\\report-${file % 40}-${Math.floor(file / 40)}.docx` })))
    const ownHaul = [...worked.slice(0, 5), office(5, Array.from({ length: 320 }, (_, file) => event(5, 600 + file * 0.1, 'file_open', { object: `C:\\Users\\alice\\report-${file % 40}-${Math.floor(file / 40)}.docx` })))]
    expect(run([rule('removable-mass-copy')], [...ownHaul, haul]).score).toBeCloseTo(ruleScale * 0.8 * (1 - 0.5 * (80 / 320)))
  })

  it('fires on uploads to a domain never visited before', () => {
    const upload = (domain: string) => office(6, Array.from({ length: 3 }, (_, index) => event(6, 700 + index, 'web_upload', { object: domain, bytes: 5e6 })))
    expect(run([rule('upload-new-domain')], [...quietWeek, upload('mega.example')]).facts[0]!.text).toContain('3 uploads to mega.example, a domain never visited before, 15 MB')
    expect(run([rule('upload-new-domain')], [...quietWeek, upload('intranet.example')]).score).toBe(0)
    // Graded by bytes: 15 MB is a few files, a gigabyte (a thousand times the 1 MB bar) an archive.
    expect(run([rule('upload-new-domain')], [...quietWeek, upload('mega.example')]).score).toBeCloseTo(ruleScale * strengthOver(15e6, 1e6, 1000))
    const archive = office(6, [event(6, 700, 'web_upload', { object: 'mega.example', bytes: 2e9 })])
    const archiveResult = run([rule('upload-new-domain')], [...quietWeek, archive])
    expect(archiveResult.score).toBeCloseTo(ruleScale)
    expect(archiveResult.facts[0]!.text).toContain('1 upload to mega.example, a domain never visited before, 2000 MB')
  })

  it('counts a first upload to a site three colleagues already send as much to at half', () => {
    const upload = (host: string, bytes = 2e9) => office(6, [event(6, 700, 'web_upload', { object: host, bytes })])
    const uploaders: SiteUploaders = new Map()
    const earlier = (user: string, host: string, bytes: number) =>
      rememberUploads(uploaders, user, computeDayFeatures(day(2, [event(2, 600, 'web_upload', { object: host, bytes })], user), createSeenEntities()).uploads)
    earlier('bob', 'files.teamdrop.example', 3e9)
    earlier('carol', 'files.teamdrop.example', 2e9)
    // The user's own earlier uploads and other sites do not make a site shared.
    earlier('alice', 'api.teamdrop.example', 5e9)
    earlier('dave', 'mega.example', 5e9)
    expect(run([rule('upload-new-domain')], [...quietWeek, upload('files.teamdrop.example')], noFailures, uploaders).score).toBeCloseTo(ruleScale)
    earlier('erin', 'www.teamdrop.example', 1e9)
    earlier('erin', 'www.teamdrop.example', 2.5e9)
    const shared = run([rule('upload-new-domain')], [...quietWeek, upload('files.teamdrop.example')], noFailures, uploaders)
    expect(shared.score).toBeCloseTo(ruleScale * 0.5)
    expect(shared.facts[0]!.text).toContain('3 other users each sent as much to teamdrop.example in a day before, so counted at 50 %')
    // Far more than the colleagues ever sent there counts fully.
    expect(run([rule('upload-new-domain')], [...quietWeek, upload('files.teamdrop.example', 4e9)], noFailures, uploaders).score).toBeCloseTo(ruleScale)
    // Of two new sites the unshared one is the finding, though the shared one took more bytes.
    const both = office(6, [event(6, 700, 'web_upload', { object: 'files.teamdrop.example', bytes: 2e9 }), event(6, 710, 'web_upload', { object: 'mega.example', bytes: 1e9 })])
    expect(run([rule('upload-new-domain')], [...quietWeek, both], noFailures, uploaders).facts[0]!.value).toBe('mega.example')
    expect(run([{ ...rule('upload-new-domain'), sharedBy: 0 } as Rule], [...quietWeek, upload('files.teamdrop.example')], noFailures, uploaders).score).toBeCloseTo(ruleScale)
  })

  it('counts a first upload to a public research repository at half: depositing data there is publishing it', () => {
    const deposit = office(6, [event(6, 700, 'web_upload', { object: 'fup-eu-west-1.figshare.com', bytes: 2e9 })])
    const published = run([rule('upload-new-domain')], [...quietWeek, deposit])
    expect(published.score).toBeCloseTo(ruleScale * 0.5)
    expect(published.facts[0]!.text).toContain('figshare.com is a public research repository, where depositing data is publishing it, so counted at 50 %')
    const personal = office(6, [event(6, 700, 'web_upload', { object: 'gfs270n121.userstorage.mega.co.nz', bytes: 2e9 })])
    expect(run([rule('upload-new-domain')], [...quietWeek, personal]).score).toBeCloseTo(ruleScale)
  })

  it('fires on uploads to a file-drop site, new to the user or not, beside the new-domain rule', () => {
    const drop = (index: number, host: string, bytes: number) => office(index, [event(index, 700, 'web_upload', { object: host, bytes })])
    const both = run([rule('upload-new-domain'), rule('upload-file-drop')], [...quietWeek, drop(6, 'gfs301n57.userstorage.mega.co.nz', 2e9)])
    expect(both.fired).toEqual(['upload-new-domain', 'upload-file-drop'])
    expect(both.facts.find((fact) => fact.key === 'upload-file-drop')!.text).toBe("1 upload to gfs301n57.userstorage.mega.co.nz, a site on the rule's list, 2000 MB (rule upload-file-drop, T1567.002)")
    // Mega used before is no new domain, but still a file drop; graded by bytes like the new-domain rule.
    const again = run([rule('upload-new-domain'), rule('upload-file-drop')], [...quietWeek.slice(0, 5), drop(5, 'mega.nz', 1e6), drop(6, 'mega.nz', 15e6)])
    expect(again.fired).toEqual(['upload-file-drop'])
    expect(again.score).toBeCloseTo(ruleScale * 0.6 * strengthOver(15e6, 1e6, 1000))
    // Business sharing, a look-alike name, and a few kilobytes are not listed drops.
    expect(run([rule('upload-file-drop')], [...quietWeek, drop(6, 'content.dropboxapi.com', 2e9)]).fired).toEqual([])
    expect(run([rule('upload-file-drop')], [...quietWeek, drop(6, 'notmega.nz', 2e9)]).fired).toEqual([])
    expect(run([rule('upload-file-drop')], [...quietWeek, drop(6, 'transfer.sh', 40_000)]).fired).toEqual([])
  })

  it('fires on off-hours activity by a user who rarely works then', () => {
    const night = (index: number) => office(index, Array.from({ length: 12 }, (_, minute) => event(index, 120 + minute, 'file_open')))
    expect(run([rule('off-hours-access')], [...quietWeek, night(6)]).types).toEqual(['after_hours'])
    expect(run([rule('off-hours-access')], Array.from({ length: 7 }, (_, index) => night(index))).score).toBe(0)
    // A night worker still stands out with more than twice their busiest night, graded by how far.
    const busyNight = office(7, Array.from({ length: 100 }, (_, minute) => event(7, 60 + minute, 'file_open')))
    const spree = run([rule('off-hours-access')], [...Array.from({ length: 7 }, (_, index) => night(index)), busyNight])
    expect(spree.score).toBeCloseTo(ruleScale * (0.4 * strengthOver(100, 12)))
  })

  it('fires night access on a session in the small hours, not on a long evening', () => {
    const at = (index: number, start: number, count: number) => office(index, Array.from({ length: count }, (_, minute) => event(index, start + minute, 'file_open')))
    // 25 events from 01:00 are night; 25 from 19:00 are off the clock but not night.
    const night = run([rule('night-access')], [...quietWeek, at(6, 60, 25)])
    expect(night.score).toBeCloseTo(ruleScale * (0.5 * strengthOver(25, 20)))
    expect(night.facts[0]!.text).toMatch(/^25 events at night \(22:00–06:00\)/)
    expect(run([rule('night-access')], [...quietWeek, at(6, 1140, 25)]).score).toBe(0)
    expect(run([rule('off-hours-access')], [...quietWeek, at(6, 1140, 25)]).score).toBeGreaterThan(0)
    // Someone often up at night has a habit: only more than twice their busiest night counts.
    const owl = Array.from({ length: 6 }, (_, index) => at(index, 60, 25))
    expect(run([rule('night-access')], [...owl, at(6, 60, 30)]).score).toBe(0)
  })

  it('fires on a working session far from the user’s own hours, in whatever time zone their office is', () => {
    // An office five hours west of the workspace: 14:00–22:00 here every day (12 events a day).
    const west = (index: number, extra: ScoredEvent[] = []) =>
      day(index, [...Array.from({ length: 12 }, (_, hour) => event(index, 840 + hour * 40, 'http_request', { object: 'intranet.example' })), ...extra])
    const history = Array.from({ length: 10 }, (_, index) => west(index))
    const session = (index: number, start: number, count: number) => Array.from({ length: count }, (_, minute) => event(index, start + minute * 5, 'file_open'))
    // 06:00–08:00 here is 01:00–03:00 at their desk; the workspace's clock sees a morning.
    const spree = run([rule('unusual-hours-access'), rule('night-access')], [...history, west(10, session(10, 360, 24))])
    expect(spree.fired).toEqual(['unusual-hours-access'])
    expect(spree.facts[0]!.text).toBe('24 events at 06:00–08:00, hours at least 3 away from any the user is usually active in (rule unusual-hours-access, T1078)')
    const split = run([rule('unusual-hours-access')], [...history, west(10, [...session(10, 120, 12), ...session(10, 360, 12)])])
    expect(split.facts[0]!.text).toMatch(/^24 events at 02:00–03:00, 06:00–07:00, hours at least 3 away/)
    // An hour before their usual start is not far; a few events are a late mail, not a session.
    expect(run([rule('unusual-hours-access')], [...history, west(10, session(10, 780, 24))]).score).toBe(0)
    expect(run([rule('unusual-hours-access')], [...history, west(10, session(10, 360, 5))]).score).toBe(0)
    // Too little history to know the user's hours.
    expect(run([rule('unusual-hours-access')], [...history.slice(0, 4), west(4, session(4, 360, 24))]).score).toBe(0)
    expect(run([rule('unusual-hours-access')], [...history.slice(0, 5), west(5, session(5, 360, 24))]).fired).toEqual(['unusual-hours-access'])
  })

  it('fires on a day that opens files in several never-used shares (collection)', () => {
    const sweep = office(6, ['finance', 'legal', 'hr', 'board'].map((share, index) => event(6, 700 + index, 'file_open', { object: `\\\\fs01\\${share}\\plan.xlsx` })))
    expect(run([rule('new-location-burst')], [...quietWeek, sweep]).facts[0]!.text).toMatch(/^4 file locations never used before/)
    expect(run([rule('new-location-burst')], [office(0), sweep]).score).toBe(0)
  })

  it('marks collection spread over days: two never-used shares on one day, then again within a week', () => {
    const rules = [rule('new-location'), rule('new-location-burst'), rule('sustained-collection')]
    const opens = (index: number, shares: string[]) => office(index, shares.map((share, minute) => event(index, 700 + minute, 'file_open', { object: `\\\\fs01\\${share}\\notes.docx` })))
    const own = Array.from({ length: 16 }, (_, index) => opens(index, ['sales']))
    // One share never opened before is nobody's campaign; two are a finding of their own, weak alone.
    expect(run(rules, [...own, opens(16, ['sales', 'hr'])]).score).toBe(0)
    const first = run(rules, [...own, opens(16, ['hr', 'legal'])])
    expect(first.fired).toEqual(['new-location'])
    expect(first.score).toBeCloseTo(ruleScale * 0.2 * strengthOver(2, 2))
    // Two more, three days later: the collection goes on, and the day says so.
    const again = run(rules, [...own, opens(16, ['hr', 'legal']), opens(17, ['sales']), opens(18, ['sales']), opens(19, ['board', 'treasury'])])
    expect(again.fired).toEqual(['new-location', 'sustained-collection'])
    expect(again.facts.find((fact) => fact.key === 'sustained-collection')!.text).toBe('new-location or new-location-burst fired on 2 of the last 7 days (rule sustained-collection, T1039)')
    // Before two weeks of history the user's usual is not known well enough for two to count.
    expect(run(rules, [...own.slice(0, 8), opens(8, ['hr', 'legal'])]).score).toBe(0)
  })

  it('fires on commands that read stored credentials, through sudo or as a started process', () => {
    const viaSudo = run([rule('credential-access')], [...quietWeek, office(6, [event(6, 700, 'sudo', { object: '/usr/bin/cat /etc/shadow' })])])
    expect(viaSudo.score).toBeCloseTo(ruleScale * 0.7)
    expect(viaSudo.facts[0]!.text).toBe('ran /usr/bin/cat /etc/shadow (rule credential-access, T1003)')
    const dump = office(6, [event(6, 700, 'process_start', { object: 'rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\l.dmp full' }), event(6, 705, 'process_start', { object: 'reg.exe save HKLM\\SAM C:\\temp\\sam' })])
    expect(run([rule('credential-access')], [...quietWeek, dump]).facts[0]!.text).toMatch(/^2 commands, first rundll32\.exe/)
    // The same words outside a command line (a file named so, a web page) are not a command.
    expect(run([rule('credential-access')], [...quietWeek, office(6, [event(6, 700, 'file_open', { object: '/etc/shadow' })])]).score).toBe(0)
    expect(run([rule('credential-access')], [...quietWeek, office(6, [event(6, 700, 'sudo', { object: '/usr/bin/systemctl restart app' })])]).score).toBe(0)
  })

  it('fires on commands that map the domain’s privileged groups, not on everyday look-ups', () => {
    const recon = office(6, [event(6, 700, 'process_start', { object: 'net group "Domain Admins" /domain' }), event(6, 701, 'process_start', { object: 'powershell.exe -nop -c "Get-ADGroup -Filter * | Get-Acl"' })])
    const found = run([rule('domain-discovery')], [...quietWeek, recon])
    expect(found.facts[0]!.text).toBe('2 commands, first net group "Domain Admins" /domain (rule domain-discovery, T1069)')
    expect(found.score).toBeCloseTo(ruleScale * 0.5)
    expect(run([rule('domain-discovery')], [...quietWeek, office(6, [event(6, 700, 'process_start', { object: 'ipconfig /all' }), event(6, 701, 'process_start', { object: 'whoami' })])]).score).toBe(0)
    // An administrator who maps groups every day has it as a routine.
    const daily = Array.from({ length: 8 }, (_, index) => office(index, [event(index, 700, 'process_start', { object: 'net group "Domain Admins" /domain' })]))
    expect(run([rule('domain-discovery')], daily).facts[0]!.text).toContain('routine for this user')
  })

  it('fires on sudo refused by its policy on a host first used that day, not on a mistyped password or a known host', () => {
    const refused = (host: string, reason: string) => event(6, 700, 'sudo_failed', { host, object: '/usr/bin/sudo -l', attrs: { reason } })
    const reached = (host: string) => event(6, 690, 'ssh_accept', { host })
    const probe = run([rule('refused-on-new-host')], [...quietWeek, office(6, [reached('db-02'), refused('db-02', 'user NOT in sudoers')])])
    expect(probe.score).toBeCloseTo(ruleScale * 0.6)
    expect(probe.facts[0]!.text).toBe('sudo refused (user NOT in sudoers) on db-02, a host first used that day (rule refused-on-new-host, T1548.003)')
    expect(probe.types).toEqual(['lateral_movement', 'privilege_escalation'])
    expect(run([rule('refused-on-new-host')], [...quietWeek, office(6, [reached('db-02'), refused('db-02', '3 incorrect password attempts')])]).score).toBe(0)
    // On the user's own workstation it is a refusal, not a probe after moving in.
    expect(run([rule('refused-on-new-host')], [...quietWeek, office(6, [refused('ws1', 'user NOT in sudoers')])]).score).toBe(0)
    // Every host is new to a new account.
    expect(run([rule('refused-on-new-host')], [office(0), office(1, [event(1, 700, 'sudo_failed', { host: 'db-02', attrs: { reason: 'user NOT in sudoers' } })])]).score).toBe(0)
  })

  it('fires on commands that blind the defenders or plant a way back to root', () => {
    const ran = (...commands: string[]) => office(6, commands.map((command, index) => event(6, 700 + index, 'sudo', { object: command })))
    const blinded = run([rule('defence-evasion')], [...quietWeek, ran('/usr/bin/systemctl stop auditd')])
    expect(blinded.score).toBeCloseTo(ruleScale * 0.7)
    expect(blinded.facts[0]!.text).toBe('ran /usr/bin/systemctl stop auditd (rule defence-evasion, T1562)')
    expect(run([rule('defence-evasion')], [...quietWeek, office(6, [event(6, 700, 'process_start', { object: 'wevtutil.exe cl Security' })])]).score).toBeGreaterThan(0)
    // Looking at a service is not stopping it.
    expect(run([rule('defence-evasion')], [...quietWeek, ran('/usr/bin/systemctl status rsyslog.service')]).score).toBe(0)
    const planted = run([rule('elevation-backdoor')], [...quietWeek, ran('/usr/bin/cp /bin/bash /var/tmp/.bk', '/usr/bin/chmod u+s /var/tmp/.bk')])
    expect(planted.facts[0]!.text).toBe('ran /usr/bin/chmod u+s /var/tmp/.bk (rule elevation-backdoor, T1548)')
    expect(run([rule('elevation-backdoor')], [...quietWeek, office(6, [event(6, 700, 'process_start', { object: 'vim /etc/sudoers.d/90-alice' })])]).score).toBeGreaterThan(0)
    // A refused attempt is not a planted backdoor; an ordinary chmod is not setuid.
    expect(run([rule('elevation-backdoor')], [...quietWeek, office(6, [event(6, 700, 'sudo_failed', { object: '/usr/bin/vim /etc/sudoers' })])]).score).toBe(0)
    expect(run([rule('elevation-backdoor')], [...quietWeek, ran('/usr/bin/chmod 755 /opt/app/run.sh')]).score).toBe(0)
    // Two techniques on one day add up.
    expect(run([rule('defence-evasion'), rule('elevation-backdoor')], [...quietWeek, ran('/usr/bin/systemctl stop auditd', '/usr/bin/chmod 4755 /tmp/x')]).score).toBeCloseTo(Math.min(1, ruleScale * 1.4))
  })

  it('flags job-board visits against the first weeks, so a drift keeps firing and a recruiter fires only when it doubles', () => {
    const boards = (index: number, count: number, domain = 'www.indeed.com') =>
      office(index, Array.from({ length: count }, (_, minute) => event(index, 900 + minute, 'http_request', { object: domain })))
    const first = run([rule('job-search')], [...quietWeek, boards(6, 3)])
    expect(first.score).toBeCloseTo(ruleScale * (0.4 * strengthOver(3, 2)))
    expect(first.facts[0]!.text).toMatch(/^3 visits to listed sites \(www\.indeed\.com\), usually at most 0 in the first 3 days/)
    // Subdomains count, look-alikes do not; one visit is below the bar.
    expect(run([rule('job-search')], [...quietWeek, boards(6, 3, 'uk.indeed.com')]).score).toBeGreaterThan(0)
    expect(run([rule('job-search')], [...quietWeek, boards(6, 3, 'notindeed.com')]).score).toBe(0)
    expect(run([rule('job-search')], [...quietWeek, boards(6, 1)]).score).toBe(0)
    // Of LinkedIn only the job pages count: the feed is everyday work.
    const linkedIn = (path: string) => office(6, Array.from({ length: 3 }, (_, minute) => event(6, 900 + minute, 'http_request', { object: 'www.linkedin.com', attrs: { url: `https://www.linkedin.com${path}` } })))
    expect(run([rule('job-search')], [...quietWeek, linkedIn('/jobs/view/3100200')]).score).toBeGreaterThan(0)
    expect(run([rule('job-search')], [...quietWeek, linkedIn('/jobs?keywords=analyst')]).score).toBeGreaterThan(0)
    expect(run([rule('job-search')], [...quietWeek, linkedIn('/feed/')]).score).toBe(0)
    expect(run([rule('job-search')], [...quietWeek, linkedIn('/jobsearch-tips')]).score).toBe(0)
    // A departing employee's tenth day of job hunting is judged against the weeks before it, not the hunt.
    const quietMonth = Array.from({ length: 14 }, (_, index) => office(index))
    const tenth = run([rule('job-search')], [...quietMonth, ...Array.from({ length: 10 }, (_, offset) => boards(14 + offset, 4))])
    expect(tenth.score).toBeCloseTo(ruleScale * (0.4 * strengthOver(4, 2)))
    // A recruiter on job boards every day: routine, until a day at more than twice the usual.
    const recruiter = Array.from({ length: 10 }, (_, index) => boards(index, 5))
    expect(run([rule('job-search')], [...recruiter, boards(10, 6)]).score).toBe(0)
    expect(run([rule('job-search')], [...recruiter, boards(10, 12)]).score).toBeGreaterThan(0)
  })

  it('flags attachments mailed to the user’s own webmail, not to others’ or without attachments, nor by someone who always did', () => {
    const mail = (index: number, to: string, bytes: number | null = 250_000) => office(index, [event(index, 1000, 'email_send', { object: to, bytes })])
    const quietFortnight = Array.from({ length: 14 }, (_, index) => office(index))
    const home = run([rule('personal-mail')], [...quietFortnight, mail(14, 'bob@corp.example; alice.walker77@gmail.com')])
    expect(home.score).toBeCloseTo(ruleScale * 0.4 * strengthOver(1, 1))
    expect(home.facts[0]!.text).toBe('1 email with attachments to alice.walker77@gmail.com, a personal mailbox of the user, usually at most 0 in the first 8 days (rule personal-mail)')
    // Someone else's webmail, a look-alike domain, no attachment, a work address: none.
    for (const quiet of [mail(14, 'bob.smith@gmail.com'), mail(14, 'alice@gmail.com.example.net'), mail(14, 'alice@icloud.com', null), mail(14, 'alice@corp.example')]) {
      expect(run([rule('personal-mail')], [...quietFortnight, quiet]).score).toBe(0)
    }
    // jsmith's own mailbox by name: john.smith@… holds "smith", all of the account but its first letter.
    const jsmith = [...quietFortnight, mail(14, 'john.smith@outlook.com')].map((quiet) => ({ ...quiet, user: 'CORP\\jsmith' }))
    expect(run([rule('personal-mail')], jsmith).fired).toEqual(['personal-mail'])
    // Mailing work home every week from the start is the user's usual: a drift is what is new.
    const habit = Array.from({ length: 14 }, (_, index) => (index % 3 === 0 ? mail(index, 'alice@gmail.com') : office(index)))
    expect(run([rule('personal-mail')], [...habit, mail(14, 'alice@gmail.com')]).score).toBe(0)
    // On two days of a week, the recurrence marks the quiet day after them too.
    const week = run([rule('personal-mail'), rule('sustained-personal-mail')], [...quietFortnight, mail(14, 'alice@gmail.com'), mail(15, 'alice@gmail.com'), office(16)])
    expect(week.fired).toEqual(['sustained-personal-mail'])
  })

  it('marks every day of a sustained job hunt, the quiet days within it too', () => {
    const boards = (index: number) => office(index, Array.from({ length: 3 }, (_, minute) => event(index, 900 + minute, 'http_request', { object: 'www.indeed.com' })))
    const rules = [rule('job-search'), rule('sustained-job-search')]
    const quietMonth = Array.from({ length: 14 }, (_, index) => office(index))
    // One day of job boards is job-search alone.
    expect(run(rules, [...quietMonth, boards(14)]).fired).toEqual(['job-search'])
    // Two days of it within a week, then a quiet day: that day is still in the hunt, at half strength.
    const quiet = run(rules, [...quietMonth, boards(14), boards(16), office(17)])
    expect(quiet.fired).toEqual(['sustained-job-search'])
    expect(quiet.score).toBeCloseTo(ruleScale * 0.5 * strengthOver(2, 2, 2))
    expect(quiet.facts[0]!.text).toBe('job-search fired on 2 of the last 7 days (rule sustained-job-search)')
    // Four days in the week: full strength, beside today's own job-search finding.
    const hunt = run(rules, [...quietMonth, boards(14), boards(15), boards(16), boards(17)])
    expect(hunt.fired).toEqual(['job-search', 'sustained-job-search'])
    expect(hunt.facts.find((fact) => fact.key === 'sustained-job-search')!.value).toBe(4)
    // A week later the hunt has left the window.
    expect(run(rules, [...quietMonth, boards(14), boards(16), ...Array.from({ length: 7 }, (_, offset) => office(17 + offset))]).score).toBe(0)
    // Ten days of hunting after two quiet weeks: the recurrence has fired on over 30 % of the days, yet is the finding, never a routine.
    const long = run(rules, [...quietMonth, ...Array.from({ length: 10 }, (_, offset) => boards(14 + offset))])
    expect(long.facts.find((fact) => fact.key === 'sustained-job-search')!.text).not.toContain('routine')
  })

  it('counts only findings that were not routine for the user towards a recurrence', () => {
    const backup = { ...rule('credential-access'), id: 'shadow-read' }
    const recurring = { ...rule('sustained-job-search'), id: 'shadow-reads', rules: ['shadow-read'] } as Rule
    const reads = (index: number) => office(index, [event(index, 700, 'sudo', { object: '/usr/bin/cat /etc/shadow' })])
    // A backup job that reads the shadow file every day is routine: it does not recur as a finding.
    const daily = run([backup, recurring], Array.from({ length: 12 }, (_, index) => reads(index)))
    expect(daily.fired).toEqual(['shadow-read'])
    expect(daily.facts[0]!.text).toContain('routine for this user')
    // Three reads in a week after a quiet fortnight do.
    const quietFortnight = Array.from({ length: 14 }, (_, index) => office(index))
    expect(run([backup, recurring], [...quietFortnight, reads(14), reads(16), reads(18)]).fired).toEqual(['shadow-read', 'shadow-reads'])
  })

  it('judges an off-hours spree against the habit before it, until a week of it makes a new habit', () => {
    const night = (index: number) => office(index, Array.from({ length: 12 }, (_, minute) => event(index, 120 + minute, 'file_open')))
    const third = run([rule('off-hours-access')], [...quietWeek, night(6), night(7), night(8)])
    expect(third.score).toBeCloseTo(ruleScale * (0.4 * strengthOver(12, 10)))
    expect(third.facts[0]!.text).toContain('such a day 0 times in 6 earlier days; day 3 of a run')
    const shiftChange = [...quietWeek, ...Array.from({ length: 7 }, (_, offset) => night(6 + offset)), night(13)]
    expect(run([rule('off-hours-access')], shiftChange).score).toBe(0)
    // Three such days in a week are also a sustained pattern, recorded but weighing nothing of its own; two are not.
    const hours = [rule('off-hours-access'), rule('night-access'), rule('sustained-off-hours')]
    const sustained = run(hours, [...quietWeek, night(6), night(7), night(8)])
    expect(sustained.fired).toEqual(['off-hours-access', 'sustained-off-hours'])
    expect(sustained.score).toBeCloseTo(third.score)
    expect(run(hours, [...quietWeek, night(6), night(8)]).fired).toEqual(['off-hours-access'])
  })

  it('fires on structuring just under the reporting threshold and on a burst to new payees', () => {
    const transfers = (amounts: number[], payee: (index: number) => string) =>
      office(6, amounts.map((amount, index) => event(6, 600 + index * 5, 'transfer', { object: payee(index), amount })))
    const structured = transfers([9100, 9800, 9950], () => 'acct-1')
    expect(run([rule('aml-threshold')], [...quietWeek, structured]).facts[0]!.value).toBe(3)
    expect(run([rule('aml-threshold')], [...quietWeek, transfers([9100, 9800, 12000], () => 'acct-1')]).score).toBe(0)
    // A payment run of every size puts as many just over the threshold as under it: no pile-up.
    const paymentRun = [2000, 9100, 9400, 9800, 10_200, 10_500, 10_900, 30_000]
    expect(run([rule('aml-threshold')], [...quietWeek, transfers(paymentRun, (index) => `vendor-${index}`)]).score).toBe(0)
    const piled = run([rule('aml-threshold')], [...quietWeek, transfers([9100, 9300, 9600, 9800, 9900, 10_400], () => 'acct-1')])
    expect(piled.facts[0]!.text).toContain('5 transfers between 9000 and 10000, just under the reporting threshold (and only 1 just over it)')
    // A big run's chance surplus under the threshold is no pile-up: 8 under and 3 over.
    const surplus = [9100, 9200, 9300, 9400, 9500, 9600, 9700, 9800, 10_100, 10_300, 10_600]
    expect(run([rule('aml-threshold')], [...quietWeek, transfers(surplus, (index) => `vendor-${index}`)]).score).toBe(0)
    const payees = transfers([100, 200, 300, 400, 500, 600, 700], (index) => `mule-${index}`)
    // New payees mean something only once the user has a history of payees: ten days.
    expect(run([rule('new-payee-velocity')], [...quietWeek, payees]).score).toBe(0)
    const quietFortnight = Array.from({ length: 10 }, (_, index) => office(index - 10))
    const result = run([rule('new-payee-velocity'), rule('transaction-velocity')], [...quietFortnight, payees])
    expect(result.fired).toEqual(['new-payee-velocity', 'transaction-velocity'])
    // Neither rule has seen a count from this user yet: twice the threshold is the bar for the one comparing with the usual.
    expect(result.score).toBeCloseTo(ruleScale * (0.7 * strengthOver(7, 6) + 0.5 * strengthOver(7, 5)))
  })

  it('finds a sum split into like payments to a new payee, under any threshold', () => {
    const transfers = (amounts: number[], payee: (index: number) => string, dayIndex = 6) =>
      office(dayIndex, amounts.map((amount, index) => event(dayIndex, 600 + index * 20, 'transfer', { object: payee(index), amount })))
    // Under 25,000 (no rule knows that threshold): four of like size to one new account, one small payment besides.
    const split = run([rule('split-to-new-payee')], [...quietWeek, transfers([23_600, 22_700, 24_300, 23_100, 900], () => 'acct-9')])
    expect(split.fired).toEqual(['split-to-new-payee'])
    expect(split.facts[0]!.value).toBe(4)
    expect(split.facts[0]!.text).toContain('4 transfers of 22,700.00–24,300.00 (93,700.00 in all) to acct-9, never paid before')
    expect(split.score).toBeCloseTo(ruleScale * 0.8 * strengthOver(4, 4))
    // Unlike amounts to the new account, like amounts to four accounts, like amounts to a payee paid before, small change: none.
    expect(run([rule('split-to-new-payee')], [...quietWeek, transfers([5000, 9000, 14_000, 21_000], () => 'acct-9')]).score).toBe(0)
    expect(run([rule('split-to-new-payee')], [...quietWeek, transfers([9000, 9100, 9200, 9300], (index) => `vendor-${index}`)]).score).toBe(0)
    const paidOnDay5 = (payee: string) => [...quietWeek.slice(0, 5), transfers([4000], () => payee, 5), transfers([9000, 9100, 9200, 9300], () => 'acct-9')]
    expect(run([rule('split-to-new-payee')], paidOnDay5('acct-9')).score).toBe(0)
    expect(run([rule('split-to-new-payee')], paidOnDay5('acct-1')).fired).toEqual(['split-to-new-payee'])
    expect(run([rule('split-to-new-payee')], [...quietWeek, transfers([300, 310, 320, 330], () => 'acct-9')]).score).toBe(0)
    // Before five days of history every payee is new: nothing is said.
    expect(run([rule('split-to-new-payee')], [office(0), transfers([9000, 9100, 9200, 9300], () => 'acct-9', 1)]).score).toBe(0)
  })

  it('finds money funnelled to a new payee, not a big run that pays each new supplier once or twice', () => {
    const transfers = (payees: string[], dayIndex = 6) =>
      office(dayIndex, payees.map((payee, index) => event(dayIndex, 480 + index, 'transfer', { object: payee, amount: 1000 + 997 * index })))
    const suppliers = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`)
    // Seven payments of unlike amounts to one fresh account, among twenty that day.
    const funnel = run([rule('funnel-to-new-payee')], [...quietWeek, transfers([...Array(7).fill('acct-9'), ...suppliers(13, 'vendor')])])
    expect(funnel.fired).toEqual(['funnel-to-new-payee'])
    expect(funnel.facts[0]!.value).toBe(7)
    expect(funnel.facts[0]!.text).toBe("7 of the day's 20 transfers (27,937.00) to acct-9, never paid before (rule funnel-to-new-payee)")
    expect(funnel.score).toBeCloseTo(ruleScale * 0.8 * strengthOver(7, 6))
    // Seven to one new payee among a run of a hundred (under 12 %), five to it, seven to a payee paid before: none.
    expect(run([rule('funnel-to-new-payee')], [...quietWeek, transfers([...Array(7).fill('acct-9'), ...suppliers(93, 'vendor')])]).score).toBe(0)
    expect(run([rule('funnel-to-new-payee')], [...quietWeek, transfers([...Array(5).fill('acct-9'), ...suppliers(5, 'vendor')])]).score).toBe(0)
    const paidBefore = [...quietWeek.slice(0, 5), transfers(['acct-9'], 5), transfers([...Array(7).fill('acct-9'), ...suppliers(13, 'vendor')])]
    expect(run([rule('funnel-to-new-payee')], paidBefore).score).toBe(0)
    // Before five days of history every payee is new: nothing is said.
    expect(run([rule('funnel-to-new-payee')], [office(0), transfers(Array(7).fill('acct-9'), 1)]).score).toBe(0)
  })

  it('finds structuring under a reporting threshold across new payees, not in a run to known suppliers or a big run to new ones', () => {
    const transfers = (amounts: number[], payee: (index: number) => string, dayIndex = 6) =>
      office(dayIndex, amounts.map((amount, index) => event(dayIndex, 600 + index * 20, 'transfer', { object: payee(index), amount })))
    const suppliers = (dayIndex: number) => transfers([24_100, 23_800, 24_600, 1200], (index) => `supplier-${index}`, dayIndex)
    const history = Array.from({ length: 6 }, (_, index) => suppliers(index))
    // Three just under 25,000 to three fresh accounts; the known suppliers the same day do not count.
    const fresh = run([rule('structuring-to-new-payees')], [...history, transfers([24_500, 23_900, 22_800], (index) => `mule-${index}`)])
    expect(fresh.fired).toEqual(['structuring-to-new-payees'])
    expect(fresh.facts[0]!.text).toBe('3 transfers between 22500 and 25000 to 3 counterparties never paid before, just under a reporting threshold (rule structuring-to-new-payees)')
    expect(fresh.score).toBeCloseTo(ruleScale)
    expect(run([rule('structuring-to-new-payees')], [...history, suppliers(6)]).score).toBe(0)
    // Many just over the threshold too: amounts of every size, no pile-up.
    expect(run([rule('structuring-to-new-payees')], [...history, transfers([24_500, 23_900, 22_800, 25_500, 26_000, 27_000], (index) => `mule-${index}`)]).score).toBe(0)
    // Known suppliers paid just over it the same day say nothing of the new payees' pile-up.
    const withSuppliersOver = transfers([24_500, 23_900, 22_800, 25_500, 26_000], (index) => (index < 3 ? `mule-${index}` : `supplier-${index - 3}`))
    expect(run([rule('structuring-to-new-payees')], [...history, withSuppliersOver]).fired).toEqual(['structuring-to-new-payees'])
    // A run to twenty new payees puts three under a threshold by chance: under a quarter of them.
    const newPayeeRun = (count: number) => transfers(Array.from({ length: count }, (_, index) => (index < 3 ? 9_500 + index * 100 : 500 + index * 100)), (index) => `vendor-${index}`)
    expect(run([rule('structuring-to-new-payees')], [...history, newPayeeRun(20)]).score).toBe(0)
    expect(run([rule('structuring-to-new-payees')], [...history, newPayeeRun(12)]).fired).toEqual(['structuring-to-new-payees'])
    expect(run([rule('structuring-to-new-payees')], [history[0]!, transfers([24_500, 23_900, 22_800], (index) => `mule-${index}`, 1)]).score).toBe(0)
  })

  it('finds file activity held above the usual day after day, not one busy day or a busy user', () => {
    const files = (dayIndex: number, count: number) => office(dayIndex, Array.from({ length: count }, (_, index) => event(dayIndex, 600 + index, 'file_open', { object: `/srv/docs/report-${index}.pdf` })))
    const usual = Array.from({ length: 12 }, (_, index) => files(index, 5 + (index % 3)))
    const rising = [...usual, files(12, 20), files(13, 24), files(14, 30)]
    const result = run([rule('sustained-file-rise')], rising)
    expect(result.fired).toEqual(['sustained-file-rise'])
    expect(result.facts[0]!.text).toBe("file events above the user's usual on each of the last 3 active days (20, 24, 30; usually 6) (rule sustained-file-rise)")
    // Two days of it are not yet a run; a quiet day in between breaks it.
    expect(run([rule('sustained-file-rise')], rising.slice(0, -1)).score).toBe(0)
    expect(run([rule('sustained-file-rise')], [...usual, files(12, 20), files(13, 6), files(14, 30)]).score).toBe(0)
    // A user whose days all look like that has it as their usual.
    expect(run([rule('sustained-file-rise')], Array.from({ length: 15 }, (_, index) => files(index, 24 + (index % 7)))).score).toBe(0)
    // Under ten days before the run, there is no usual to rise from.
    expect(run([rule('sustained-file-rise')], rising.slice(4)).score).toBe(0)
  })

  it('counts a rule that fires on most of a user’s days as routine, at a quarter of its severity', () => {
    const typo = (index: number) => office(index, [...Array.from({ length: 6 }, (_, attempt) => event(index, 530 + attempt * 0.1, 'logon_failed')), event(index, 531, 'logon')])
    const result = run([rule('brute-force-then-success')], Array.from({ length: 8 }, (_, index) => typo(index)))
    // Six failures against a bar of five, from the user's own address (half), routine (a quarter).
    expect(result.score).toBeCloseTo(ruleScale * (0.9 * strengthOver(6, 5) * 0.5 * 0.25))
    expect(result.facts[0]!.text).toContain('routine for this user, fired on 7 of 7 earlier days')
  })

  it('skips disabled rules', () => {
    expect(run([{ ...rule('admin-group-add'), enabled: false }], [office(0, [event(0, 600, 'group_member_add', { object: 'wheel' })])]).score).toBe(0)
  })
})
