import type { ArgusError } from '../../../shared/errors'

/** Where a page starts: the cursor that fetches it and how many rows come before it. */
export interface PageStart<Cursor> {
  cursor: Cursor | null
  offset: number
}

/**
 * One page of a keyset-paged list and the way back to the pages before it. The renderer holds
 * one page of rows per table, so going back re-fetches a page from the cursor kept for it.
 */
export interface KeysetWindow<Item, Cursor> {
  /** Every page from the first (cursor null) to the one shown, which is last. */
  trail: readonly PageStart<Cursor>[]
  /** The rows of the page shown. */
  items: readonly Item[]
  /** Where the page after this one starts; null on the last page. */
  nextCursor: Cursor | null
  /** The trail of a page on its way; the page shown stays until it lands. */
  pending: readonly PageStart<Cursor>[] | undefined
  error: ArgusError | undefined
}

/** A list not read yet: the first page is on its way. */
export function firstWindow<Item, Cursor>(): KeysetWindow<Item, Cursor> {
  const trail = [{ cursor: null, offset: 0 }]
  return { trail, items: [], nextCursor: null, pending: trail, error: undefined }
}

function shownStart<Cursor>(window: KeysetWindow<unknown, Cursor>): PageStart<Cursor> {
  return window.trail.at(-1) ?? { cursor: null, offset: 0 }
}

/** The trail to the page after the one shown, or undefined when there is none or a page is on its way. */
export function nextTrail<Item, Cursor>(window: KeysetWindow<Item, Cursor>): readonly PageStart<Cursor>[] | undefined {
  if (window.nextCursor === null || window.pending) return undefined
  return [...window.trail, { cursor: window.nextCursor, offset: shownStart(window).offset + window.items.length }]
}

/** The trail to the page before the one shown, or undefined on the first page or while a page is on its way. */
export function previousTrail<Item, Cursor>(window: KeysetWindow<Item, Cursor>): readonly PageStart<Cursor>[] | undefined {
  if (window.trail.length < 2 || window.pending) return undefined
  return window.trail.slice(0, -1)
}

/** The cursor that fetches the last page of `trail`. */
export function trailCursor<Cursor>(trail: readonly PageStart<Cursor>[]): Cursor | null {
  return trail.at(-1)?.cursor ?? null
}

export function requestPage<Item, Cursor>(window: KeysetWindow<Item, Cursor>, trail: readonly PageStart<Cursor>[]): KeysetWindow<Item, Cursor> {
  return { ...window, pending: trail, error: undefined }
}

/** The page asked for landed: its rows replace the ones shown. */
export function landPage<Item, Cursor>(
  window: KeysetWindow<Item, Cursor>,
  page: { items: readonly Item[]; nextCursor: Cursor | null },
): KeysetWindow<Item, Cursor> {
  if (!window.pending) return window
  return { trail: window.pending, items: page.items, nextCursor: page.nextCursor, pending: undefined, error: undefined }
}

/** The page asked for failed: the page shown stays, with the error beside it. */
export function failPage<Item, Cursor>(window: KeysetWindow<Item, Cursor>, error: ArgusError): KeysetWindow<Item, Cursor> {
  return { ...window, pending: undefined, error }
}

/** The number of the first row shown, counting from 1. */
export function firstRowNumber(window: KeysetWindow<unknown, unknown>): number {
  return shownStart(window).offset + 1
}

/**
 * The page with rows pushed in on top (`arrivals`, then the page's own `listed` rows), cut back
 * to `limit` rows so it stays one page. The listed rows cut off the end are not lost: the next
 * page starts again after the last listed row kept. At least one listed row stays, so that
 * cursor can always be taken from a row.
 */
export function withArrivals<Item, Cursor>(
  window: KeysetWindow<Item, Cursor>,
  arrivals: readonly Item[],
  listed: readonly Item[],
  limit: number,
  cursorOf: (item: Item) => Cursor,
): KeysetWindow<Item, Cursor> {
  const keptListed = listed.length === 0 ? 0 : Math.max(1, Math.min(listed.length, limit - arrivals.length))
  const keptArrivals = arrivals.slice(0, Math.max(0, limit - keptListed))
  const kept = listed.slice(0, keptListed)
  const last = kept.at(-1)
  const nextCursor = keptListed < listed.length && last !== undefined ? cursorOf(last) : window.nextCursor
  return { ...window, items: [...keptArrivals, ...kept], nextCursor }
}
