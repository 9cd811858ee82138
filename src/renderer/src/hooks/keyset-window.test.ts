import { describe, expect, it } from 'vitest'
import { ArgusError } from '../../../shared/errors'
import { failPage, firstRowNumber, firstWindow, landPage, nextTrail, previousTrail, requestPage, trailCursor, withArrivals, type KeysetWindow } from './keyset-window'

type Row = { id: number }
const rows = (from: number, to: number): Row[] => Array.from({ length: to - from + 1 }, (_, index) => ({ id: from + index }))

/** A list of `total` rows served `size` at a time, the cursor being the last id served. */
function serve(total: number, size: number, cursor: number | null): { items: Row[]; nextCursor: number | null } {
  const start = (cursor ?? 0) + 1
  const items = rows(start, Math.min(total, start + size - 1))
  const last = items.at(-1)?.id ?? 0
  return { items, nextCursor: last < total ? last : null }
}

function turn(window: KeysetWindow<Row, number>, trail: ReturnType<typeof nextTrail<Row, number>>): KeysetWindow<Row, number> {
  if (!trail) throw new Error('no page that way')
  const asked = requestPage(window, trail)
  return landPage(asked, serve(250, 100, trailCursor(trail)))
}

describe('keyset window', () => {
  const first = landPage(firstWindow<Row, number>(), serve(250, 100, null))

  it('holds the first page, numbered from row 1, with no way back', () => {
    expect(first.items).toHaveLength(100)
    expect(firstRowNumber(first)).toBe(1)
    expect(previousTrail(first)).toBeUndefined()
  })

  it('replaces the rows on next, and numbers them on', () => {
    const second = turn(first, nextTrail(first))
    expect(second.items.map((row) => row.id)).toEqual(rows(101, 200).map((row) => row.id))
    expect(firstRowNumber(second)).toBe(101)
    const third = turn(second, nextTrail(second))
    expect(third.items).toHaveLength(50)
    expect(firstRowNumber(third)).toBe(201)
    expect(nextTrail(third)).toBeUndefined()
  })

  it('goes back with the cursor kept for the page before', () => {
    const second = turn(first, nextTrail(first))
    const back = turn(second, previousTrail(second))
    expect(back.items[0]).toEqual({ id: 1 })
    expect(back.trail).toHaveLength(1)
    expect(firstRowNumber(back)).toBe(1)
  })

  it('turns no page while one is on its way, and keeps the page shown when one fails', () => {
    const asked = requestPage(first, nextTrail(first) ?? [])
    expect(nextTrail(asked)).toBeUndefined()
    expect(asked.items).toBe(first.items)
    const failed = failPage(asked, new ArgusError('internal', 'down'))
    expect(failed.items).toBe(first.items)
    expect(failed.error?.message).toBe('down')
    expect(nextTrail(failed)).toBeDefined()
  })

  it('keeps one page when rows are pushed on top, the rows cut off opening the next page', () => {
    const pushed = withArrivals(first, [{ id: 1001 }, { id: 1002 }], first.items, 100, (row) => row.id)
    expect(pushed.items).toHaveLength(100)
    expect(pushed.items.slice(0, 2)).toEqual([{ id: 1001 }, { id: 1002 }])
    expect(pushed.items.at(-1)).toEqual({ id: 98 })
    expect(pushed.nextCursor).toBe(98)
    // A burst longer than the page still keeps one listed row to take the cursor from.
    const burst = withArrivals(first, rows(1001, 1200), first.items, 100, (row) => row.id)
    expect(burst.items).toHaveLength(100)
    expect(burst.nextCursor).toBe(1)
  })
})
