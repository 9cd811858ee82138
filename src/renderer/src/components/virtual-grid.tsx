import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import { useRef, type KeyboardEvent, type RefObject, type UIEvent } from 'react'
import { usePagedActiveRow, useScrollPaging, type ScrollPager } from './scroll-paging'

export interface VirtualGridOptions {
  /** Rows on the page. */
  count: number
  pager: ScrollPager
  rowHeight: number
  headerHeight: number
  overscan: number
  /** Enter on the active row. */
  onEnter(index: number): void
}

export interface VirtualGrid {
  scroller: RefObject<HTMLDivElement | null>
  onScroll: (event: UIEvent<HTMLElement>) => void
  activeIndex: number
  activate: (index: number) => number | undefined
  items: VirtualItem[]
  /** Heights of the empty space above and below the rows in the DOM. */
  paddingTop: number
  paddingBottom: number
  onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => void
}

/**
 * One page of rows in a virtualized grid table: only the rows in view are in the DOM; arrows,
 * Page Up/Down, Home and End move the active row (scrolled into view), Enter calls `onEnter`,
 * and scrolling or arrowing past the last row turns to the next page.
 */
export function useVirtualGrid({ count, pager, rowHeight, headerHeight, overscan, onEnter }: VirtualGridOptions): VirtualGrid {
  const scroller = useRef<HTMLDivElement | null>(null)
  const onScroll = useScrollPaging(scroller, pager)
  const { active: activeIndex, moveTo: activate } = usePagedActiveRow(pager, count)
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan, scrollPaddingStart: headerHeight })
  const items = virtualizer.getVirtualItems()

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>): void {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: count - 1,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      const next = activate(target)
      if (next !== undefined) virtualizer.scrollToIndex(next, { align: 'auto' })
    } else if (event.key === 'Enter' && count > 0) {
      onEnter(activeIndex)
    }
  }

  return {
    scroller,
    onScroll,
    activeIndex,
    activate,
    items,
    paddingTop: items[0]?.start ?? 0,
    paddingBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
    onKeyDown,
  }
}

/** The empty row that stands for the rows scrolled out of the DOM (none when `height` is 0). */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0 }} />
    </tr>
  )
}
