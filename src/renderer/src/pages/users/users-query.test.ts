import { describe, expect, it } from 'vitest'
import { usersStateFromQuery, usersStateToQuery } from './users-query'

describe('users query', () => {
  it('reads the filters a link carries and ignores what the engine would refuse', () => {
    expect(usersStateFromQuery({ severity: 'high', type: 'exfiltration', peerGroup: 'Finance', search: ' al ', view: 'cards' })).toEqual({
      filter: { severity: 'high', type: 'exfiltration', peerGroup: 'Finance', search: 'al' },
      view: 'cards',
    })
    expect(usersStateFromQuery({ severity: 'critical', search: '   ', view: 'grid' })).toEqual({ filter: {}, view: 'table' })
  })

  it('writes back only what differs from the plain ranking', () => {
    expect(usersStateToQuery({ filter: { severity: 'low' }, view: 'table' })).toEqual({ severity: 'low', view: undefined })
    expect(usersStateToQuery({ filter: {}, view: 'cards' })).toEqual({ view: 'cards' })
  })
})
