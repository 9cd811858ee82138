import { describe, expect, it } from 'vitest'
import { actionVocabulary } from '../../shared/actions'
import { computeDayFeatures, createSeenEntities, featureIndex, featureNames, fileLocation, fileName, maxWithin, rememberEntities, hostIdentity, weekdayOf, workingPeriod } from './features'
import { symbols } from './markov'
import type { ScoredEvent, UserDay } from './types'

const monday = Date.UTC(2024, 2, 4)

function event(dayStart: number, time: string, action: string, extra: Partial<ScoredEvent> = {}): ScoredEvent {
  const [hours = 0, minutes = 0] = time.split(':').map(Number)
  const failed = action.endsWith('_failed') || action === 'ssh_invalid_user'
  return {
    ts: dayStart + (hours * 60 + minutes) * 60_000,
    category: actionVocabulary[action]?.category ?? 'system',
    action,
    outcome: failed ? 'failure' : 'success',
    host: null, srcIp: null, dstIp: null, object: null, bytes: null, amount: null, attrs: {},
    ...extra,
  }
}

function day(date: string, dayStart: number, events: ScoredEvent[]): UserDay {
  return { user: 'alice', date, dayStart, offsetMinutes: 0, events }
}

function busyDay(date = '2024-03-04', dayStart = monday): UserDay {
  const at = (time: string, action: string, extra: Partial<ScoredEvent> = {}): ScoredEvent => event(dayStart, time, action, extra)
  return day(date, dayStart, [
    at('06:30', 'logon_failed', { host: 'ws1', srcIp: '203.0.113.5' }),
    at('06:31', 'ssh_invalid_user', { host: 'srv9', srcIp: '203.0.113.5' }),
    at('08:00', 'logon', { host: 'ws1', srcIp: '10.0.0.1' }),
    at('08:10', 'sudo', { host: 'ws1', object: '/bin/ls' }),
    at('09:00', 'file_copy', { host: 'ws1', object: '/media/usb/a.doc' }),
    at('09:01', 'file_copy', { host: 'ws1', object: 'E:\\b.doc', attrs: { toRemovableMedia: true } }),
    at('09:02', 'file_copy', { host: 'ws1', object: '/media/usb/c.doc', attrs: { toRemovableMedia: false } }),
    at('10:00', 'email_send', { host: 'ws1', object: 'bob@example.com;carol@example.com', attrs: { cc: 'dave@example.com' } }),
    at('11:00', 'http_request', { host: 'ws1', object: 'example.com', bytes: 100 }),
    at('11:05', 'web_upload', { host: 'ws1', object: 'drop.example', bytes: 5000 }),
    at('12:00', 'transfer', { object: 'acct-1', amount: 9500 }),
    at('12:10', 'transfer', { object: 'acct-2', amount: 9600 }),
    at('12:20', 'transfer', { object: 'acct-1', amount: 100 }),
    at('20:30', 'process_start', { host: 'ws1', object: '"C:\\Program Files\\Tool\\x.exe" -a' }),
    at('23:00', 'network_connect', { host: 'ws1', dstIp: '192.0.2.7', object: 'files.example' }),
  ])
}

function value(vector: Float64Array, name: (typeof featureNames)[number]): number {
  return vector[featureIndex[name]]!
}

describe('computeDayFeatures', () => {
  it('counts categories, key actions, removable copies, recipients, uploads and transfers', () => {
    const { vector } = computeDayFeatures(busyDay(), createSeenEntities())
    expect(vector.length).toBe(featureNames.length)
    expect(value(vector, 'events')).toBe(15)
    expect(value(vector, 'authentication_events')).toBe(4)
    expect(value(vector, 'failed_logons')).toBe(2)
    expect(value(vector, 'logons')).toBe(1)
    expect(value(vector, 'privilege_uses')).toBe(1)
    expect(value(vector, 'file_copies')).toBe(3)
    // The path counts only where the parser did not say; an explicit false wins.
    expect(value(vector, 'removable_copies')).toBe(2)
    expect(value(vector, 'email_recipients')).toBe(3)
    expect(value(vector, 'upload_bytes')).toBe(5000)
    expect(value(vector, 'transfers')).toBe(3)
    expect(value(vector, 'transfer_amount')).toBe(19_200)
    expect(value(vector, 'transfer_max')).toBe(9600)
    expect(value(vector, 'near_threshold_transfers')).toBe(2)
    expect(value(vector, 'transfer_burst')).toBe(3)
    expect(value(vector, 'bytes')).toBe(5100)
    expect(value(vector, 'failure_share')).toBeCloseTo(2 / 15)
  })

  it('counts transfers just under any common reporting threshold, not just over one', () => {
    const transfers = [9_000, 9_999, 10_000, 13_600, 15_000, 22_500, 24_900, 25_000, 45_100, 49_000, 50_000, 60_000]
    const ledger = day('2024-03-04', monday, transfers.map((amount, index) => event(monday, `12:${String(index).padStart(2, '0')}`, 'transfer', { object: `payee-${index}`, amount })))
    // Under 10,000, 15,000, 25,000 (South Africa's rand) and 50,000: 9,000, 9,999, 13,600, 22,500, 24,900, 45,100, 49,000.
    expect(value(computeDayFeatures(ledger, createSeenEntities()).vector, 'near_threshold_transfers')).toBe(7)
  })

  it('reads hours from the local day start over the events that did not fail', () => {
    const { vector } = computeDayFeatures(busyDay(), createSeenEntities())
    // The failed attempts at 06:30 are someone trying the account, not the user starting work.
    expect(value(vector, 'first_hour')).toBeCloseTo(8)
    expect(value(vector, 'last_hour')).toBeCloseTo(23)
    expect(value(vector, 'off_clock_events')).toBe(2) // 20:30, 23:00
    expect(value(vector, 'after_hours_events')).toBe(2)
    expect(value(vector, 'night_events')).toBe(1)
    expect(value(vector, 'active_hours')).toBe(7) // 8, 9, 10, 11, 12, 20, 23
    expect(value(vector, 'sessions')).toBe(7)
  })

  it('reads a working period that runs past midnight as ending after it, not starting there', () => {
    // An office five hours west of the workspace's time zone: 14:00–23:40, and yesterday's evening ends at 00:20.
    const westward = day('2024-03-04', monday, [event(monday, '00:20', 'logoff'), event(monday, '14:00', 'logon'), event(monday, '23:40', 'http_request')])
    const { vector } = computeDayFeatures(westward, createSeenEntities())
    expect(value(vector, 'first_hour')).toBeCloseTo(14)
    expect(value(vector, 'last_hour')).toBeCloseTo(24 + 20 / 60)
    // A night spree before an office day starts the period at night.
    expect(workingPeriod([1, 2.5, 4, 9, 12, 17])).toEqual([1, 17])
    expect(workingPeriod([9, 12, 17])).toEqual([9, 17])
    expect(workingPeriod([10])).toEqual([10, 10])
    // Only the small hours wrap: a day busy until 09:00 and again at 20:00 is read as it is.
    expect(workingPeriod([0.5, 8, 9, 20])).toEqual([0.5, 20])
  })

  it('counts a machine once whichever log named it, and no console logon as a source address', () => {
    const hosts = day('2024-03-04', monday, [
      event(monday, '09:00', 'logon', { host: 'WS-7461.corp.example.com', srcIp: '127.0.0.1' }),
      event(monday, '09:05', 'file_open', { host: 'ws-7461' }),
      event(monday, '09:10', 'process_start', { host: 'WS-7461' }),
      event(monday, '09:20', 'ssh_accept', { host: '10.1.2.3', srcIp: '10.0.0.5' }),
    ])
    const { entities } = computeDayFeatures(hosts, createSeenEntities())
    expect(entities.hosts).toEqual(['10.1.2.3', 'ws-7461'])
    expect(entities.sourceIps).toEqual(['10.0.0.5'])
    expect(hostIdentity('fe80::1')).toBe('fe80::1')
  })

  it('gives a day of nothing but failures the working day’s bounds and no activity after hours', () => {
    const attempts = day('2024-03-04', monday, [event(monday, '03:00', 'ssh_failed'), event(monday, '03:10', 'ssh_failed')])
    const { vector } = computeDayFeatures(attempts, createSeenEntities())
    expect(value(vector, 'first_hour')).toBe(7)
    expect(value(vector, 'last_hour')).toBe(19)
    expect(value(vector, 'night_events')).toBe(0)
    expect(value(vector, 'failed_logons')).toBe(2)
  })

  it('counts a file written to a Windows drive other than A:–C: as a removable copy', () => {
    const at = (time: string, path: string): ScoredEvent => event(monday, time, 'file_create', { host: 'ws1', object: path })
    const { vector } = computeDayFeatures(day('2024-03-04', monday, [at('09:00', 'E:\\report.xlsx'), at('09:01', 'f:\\x\\plan.docx'), at('09:02', 'C:\\Users\\alice\\notes.txt'), at('09:03', '\\\\fs01\\finance\\q1.xlsx')]), createSeenEntities())
    expect(value(vector, 'removable_copies')).toBe(2)
  })

  it('counts a whole weekend day as after hours but not as outside the clock', () => {
    const saturday = Date.UTC(2024, 2, 9)
    expect(weekdayOf('2024-03-09')).toBe(6)
    const { vector } = computeDayFeatures(busyDay('2024-03-09', saturday), createSeenEntities())
    expect(value(vector, 'after_hours_share')).toBe(1)
    expect(value(vector, 'off_clock_share')).toBeCloseTo(2 / 13)
  })

  it('counts distinct entities and those first seen for the user', () => {
    const seen = createSeenEntities()
    const first = computeDayFeatures(busyDay(), seen)
    expect(value(first.vector, 'distinct_hosts')).toBe(2)
    expect(value(first.vector, 'new_hosts')).toBe(2)
    expect(first.entities.processes).toEqual(['x.exe'])
    expect(first.entities.domains).toEqual(['drop.example', 'example.com', 'files.example'])
    expect(first.entities.destinations).toEqual(['192.0.2.7'])
    expect(first.entities.counterparties).toEqual(['acct-1', 'acct-2'])
    // Computing features does not change what was seen; remembering does.
    expect(seen.hosts.size).toBe(0)
    rememberEntities(seen, first.entities)
    const again = computeDayFeatures(busyDay('2024-03-05', monday + 86_400_000), seen)
    expect(value(again.vector, 'distinct_hosts')).toBe(2)
    expect(value(again.vector, 'new_hosts')).toBe(0)
    expect(value(again.vector, 'new_domains')).toBe(0)
    expect(value(again.vector, 'new_counterparties')).toBe(0)
  })

  it('builds the action sequence with repeats collapsed', () => {
    const { sequence, actions } = computeDayFeatures(busyDay(), createSeenEntities())
    expect([...sequence.slice(0, 6)]).toEqual([symbols.start, symbols.logonFailed, symbols.logon, symbols.privilege, symbols.removable, symbols.fileCopy])
    expect(sequence.filter((symbol) => symbol === symbols.transfer).length).toBe(1)
    expect(actions).toContain('sudo')
  })

  it('treats any failed authentication that is not a refused sudo as a failed logon', () => {
    const failures = day('2024-03-04', monday, [
      event(monday, '09:00', 'kerberos_tgt', { outcome: 'failure' }),
      event(monday, '09:01', 'sudo_failed'),
    ])
    const { vector } = computeDayFeatures(failures, createSeenEntities())
    expect(value(vector, 'failed_logons')).toBe(1)
    expect(value(vector, 'privilege_failures')).toBe(1)
  })
})

describe('maxWithin', () => {
  it('finds the most timestamps inside any window', () => {
    expect(maxWithin([0, 10, 20, 100, 105, 110, 115], 15)).toBe(4)
    expect(maxWithin([], 15)).toBe(0)
  })
})

describe('fileLocation', () => {
  it('is the share of a UNC path, else the root and two folders, lower-case; null for a bare name', () => {
    expect(fileLocation('\\\\FS01\\Finance\\payroll\\register.xlsx')).toBe('\\\\fs01\\finance')
    expect(fileLocation('C:\\Users\\Bob\\Documents\\x\\y.docx')).toBe('c:\\users\\bob')
    expect(fileLocation('/srv/data/reports/q1.csv')).toBe('/srv/data')
    expect(fileLocation('E:\\copy.pdf')).toBe('e:')
    expect(fileLocation('notes.txt')).toBeNull()
  })

  it('counts the distinct locations of a day and those never opened before', () => {
    const open = (path: string) => event(monday, '10:00', 'file_open', { object: path })
    const seen = createSeenEntities()
    rememberEntities(seen, computeDayFeatures(day('2024-03-04', monday, [open('\\\\fs01\\sales\\a\\b.pptx')]), seen).entities)
    const later = computeDayFeatures(day('2024-03-05', monday + 86_400_000, [open('\\\\fs01\\sales\\c\\d.pptx'), open('\\\\fs01\\hr\\e.pdf'), open('\\\\fs01\\legal\\f.pdf')]), seen)
    expect(value(later.vector, 'distinct_locations')).toBe(3)
    expect(value(later.vector, 'new_locations')).toBe(2)
    expect(later.firstSeen.locations).toEqual(['\\\\fs01\\hr', '\\\\fs01\\legal'])
  })

  it('takes a share opened (5140) as a location of its own, the same on every server', () => {
    const share = (name: string) => event(monday, '10:00', 'share_access', { object: name })
    const seen = createSeenEntities()
    rememberEntities(seen, computeDayFeatures(day('2024-03-04', monday, [share('\\\\*\\C$')]), seen).entities)
    const later = computeDayFeatures(day('2024-03-05', monday + 86_400_000, [share('\\\\*\\C$'), share('\\\\*\\ADMIN$')]), seen)
    expect(later.firstSeen.locations).toEqual(['\\\\*\\admin$'])
    expect(later.entities.files).toEqual([])
  })

  it('remembers the names of files touched off removable media, not of the copies written to it', () => {
    const features = computeDayFeatures(day('2024-03-04', monday, [
      event(monday, '10:00', 'file_open', { object: '\\\\fs01\\sales\\Q1 Plan.PPTX' }),
      event(monday, '10:01', 'file_open', { object: '/home/bob/notes.txt' }),
      event(monday, '10:02', 'file_create', { object: 'E:\\q1 plan.pptx' }),
    ]), createSeenEntities())
    expect(features.entities.files).toEqual(['notes.txt', 'q1 plan.pptx'])
    expect(fileName('E:\\Backup\\Q1 Plan.PPTX')).toBe('q1 plan.pptx')
  })
})
