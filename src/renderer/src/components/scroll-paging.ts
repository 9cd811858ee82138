import { useEffect, useState, type RefObject, type UIEvent } from 'react'
import type { PagerState } from '../hooks/use-keyset-pages'

/** What a scrolled table needs of its pager to turn pages as the analyst scrolls. */
export type ScrollPager = Pick<PagerState, 'firstRow' | 'hasNext' | 'next'>

/** How close to the end (px) counts as reaching it: sub-pixel scroll positions never quite get there. */
const endSlack = 8

/**
 * Lazy loading as you scroll, one page at a time: reaching the end of `scroller` asks for the
 * page after, and when a new page lands the scroller goes back to its top (the rows above it are
 * gone, so staying at the bottom would skip the new page). Returns the scroller's `onScroll`.
 */
export function useScrollPaging(scroller: RefObject<HTMLElement | null>, pager: ScrollPager): (event: UIEvent<HTMLElement>) => void {
  const { firstRow, hasNext, next } = pager
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 })
  }, [firstRow, scroller])

  return (event) => {
    const element = event.currentTarget
    // Only a scroll the analyst made: a page that fits without scrolling does not page on its own.
    const atEnd = element.scrollTop > 0 && element.scrollTop + element.clientHeight >= element.scrollHeight - endSlack
    if (atEnd && hasNext) next()
  }
}

/**
 * The active row of a paged table (arrow keys move it), back on the first row whenever another
 * page is shown. Arrow Down (or Page Down) from the last row turns to the next page.
 */
export function usePagedActiveRow(pager: ScrollPager, count: number): { active: number; moveTo: (index: number) => number | undefined } {
  const [state, setState] = useState({ active: 0, firstRow: pager.firstRow })
  // Adjusted while rendering, not in an effect, so the new page never shows the old row's index.
  if (state.firstRow !== pager.firstRow) setState({ active: 0, firstRow: pager.firstRow })
  const active = Math.max(0, Math.min(state.firstRow === pager.firstRow ? state.active : 0, count - 1))

  /** Moves to `index`, kept within the page; returns the row moved to, or undefined when it turns the page instead. */
  function moveTo(index: number): number | undefined {
    if (index >= count && active === count - 1 && pager.hasNext) {
      pager.next()
      return undefined
    }
    const target = Math.max(0, Math.min(count - 1, index))
    setState({ active: target, firstRow: pager.firstRow })
    return target
  }
  return { active, moveTo }
}
