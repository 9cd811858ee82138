import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from './dispatch'
import type { Engine } from './engine'
import { openTestEngine } from './test-engine'
import { latestMigration } from '../store/migrations'

let engine: Engine
let dispose: () => Promise<void>
beforeAll(async () => {
  ;({ engine, dispose } = await openTestEngine('cli'))
})
afterAll(() => dispose())

describe('dispatch', () => {
  it('answers a valid call with its value', async () => {
    const result = await dispatch(engine.handlers, 'workspace:info', {})
    expect(result).toMatchObject({ ok: true, value: { schemaVersion: latestMigration, counts: { events: 0 } } })
  })

  it('fills in defaults from the contract', async () => {
    expect(await dispatch(engine.handlers, 'events:list', undefined)).toEqual({
      ok: true,
      value: { items: [], nextCursor: null },
    })
  })

  it.each([
    ['a limit out of range', 'events:list', { limit: 0 }, /limit: Too small/],
    ['a wrongly typed cursor', 'events:list', { cursor: { ts: 'yesterday', id: 1 } }, /cursor\.ts/],
    ['an unknown field', 'workspace:info', { extra: true }, /Unrecognized key/],
    ['a non-object input', 'imports:list', 'all of them', /input/],
    ['a span of days with one end', 'alerts:stats', { from: '2024-06-01' }, /give from and to/],
    ['a span of days that ends before it starts', 'stats:weekHours', { user: 'alice', from: '2024-06-02', to: '2024-06-01' }, /from not after to/],
    ['a day that is not YYYY-MM-DD', 'alerts:list', { from: '1 June' }, /YYYY-MM-DD/],
  ])('refuses %s with a typed bad_request', async (_name, channel, input, message) => {
    const result = await dispatch(engine.handlers, channel, input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('bad_request')
    expect(result.error.message).toMatch(message)
  })

  it('refuses an unknown channel', async () => {
    expect(await dispatch(engine.handlers, 'users:drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_call', message: "unknown call 'users:drop'" },
    })
  })
})
