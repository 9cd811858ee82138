import { describe, expect, it } from 'vitest'
import { auditHref, caseHref, parseRoute, parseRouteCase, parseRouteQuery, parseRouteUser, routeHref, userHref } from './routes'

describe('routes', () => {
  it('keeps the screens as before, with or without a user or a query', () => {
    expect(parseRoute('#/users')).toBe('users')
    expect(parseRoute('#/users/alice')).toBe('users')
    expect(parseRoute('#/alerts?severity=high')).toBe('alerts')
    expect(parseRoute('')).toBe('dashboard')
    expect(parseRoute('#/nowhere')).toBe('dashboard')
  })

  it('reads the user of #/users/<name>, escapes included', () => {
    expect(parseRouteUser('#/users')).toBeNull()
    expect(parseRouteUser('#/users/')).toBeNull()
    expect(parseRouteUser('#/alerts/alice')).toBeNull()
    expect(parseRouteUser('#/users/alice?day=2024-03-28')).toBe('alice')
    expect(parseRouteUser(userHref('CORP\\j.doe@example.com'))).toBe('CORP\\j.doe@example.com')
    expect(parseRouteUser('#/users/100%')).toBe('100%')
  })

  it('writes and reads the query, leaving empty values out', () => {
    expect(routeHref('users')).toBe('#/users')
    expect(routeHref('users', { severity: 'high', type: undefined, search: '' })).toBe('#/users?severity=high')
    expect(userHref('a b', { day: '2024-03-28' })).toBe('#/users/a%20b?day=2024-03-28')
    expect(parseRouteQuery('#/users?peerGroup=R%26D&view=cards')).toEqual({ peerGroup: 'R&D', view: 'cards' })
    expect(parseRouteQuery('#/users')).toEqual({})
  })

  it('reads a case or the audit trail under #/cases', () => {
    expect(parseRoute(caseHref(12))).toBe('cases')
    expect(parseRouteCase(caseHref(12))).toBe(12)
    expect(parseRouteCase('#/cases/12?tab=notes')).toBe(12)
    expect(parseRouteCase(auditHref)).toBe('audit')
    expect(parseRouteCase('#/cases')).toBeNull()
    expect(parseRouteCase('#/cases/twelve')).toBeNull()
    expect(parseRouteCase('#/cases/1e3')).toBeNull()
    expect(parseRouteCase('#/users/12')).toBeNull()
  })
})
