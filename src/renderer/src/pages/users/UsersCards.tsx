import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { UserRiskCard } from '../../components/UserRiskCard'
import { usePagedActiveRow, useScrollPaging } from '../../components/scroll-paging'
import type { UsersTableProps } from './UsersTable'

/** The cards take what the table takes: one page of the ranking, its pager, and what opens a user. */
export type UsersCardsProps = UsersTableProps

const cardWidth = 260
const cardHeight = 168
const gap = 10

/**
 * The same ranking as colour-coded cards in a grid, virtualized by rows of cards. Arrows move
 * across and down the grid, Enter opens the selected user; scrolling or arrowing past the end
 * shows the next page.
 */
export function UsersCards({ users, pager, onOpen }: UsersCardsProps) {
  const id = useId()
  const scroller = useRef<HTMLDivElement | null>(null)
  const onScroll = useScrollPaging(scroller, pager)
  const [width, setWidth] = useState(0)
  const { active: activeIndex, moveTo: activate } = usePagedActiveRow(pager, users.length)
  const columns = Math.max(1, Math.floor((width + gap) / (cardWidth + gap)))
  const rowCount = Math.ceil(users.length / columns)

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => cardHeight + gap,
    overscan: 3,
  })
  const rows = virtualizer.getVirtualItems()

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = {
      ArrowRight: activeIndex + 1,
      ArrowLeft: activeIndex - 1,
      ArrowDown: activeIndex + columns,
      ArrowUp: activeIndex - columns,
      Home: 0,
      End: users.length - 1,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      const next = activate(target)
      if (next !== undefined) virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' })
    } else if (event.key === 'Enter') {
      const user = users[activeIndex]
      if (user) onOpen(user.user)
    }
  }

  return (
    <div
      ref={scroller}
      className="users-cards-scroll"
      role="listbox"
      aria-label="Users ranked by risk, riskiest first; Enter opens the selected user"
      tabIndex={0}
      aria-activedescendant={users.length > 0 ? `${id}-card-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      <div className="users-cards-space" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            className="users-cards-row"
            style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, height: cardHeight }}
          >
            {users.slice(row.index * columns, row.index * columns + columns).map((user, offset) => {
              const index = row.index * columns + offset
              return (
                <UserRiskCard
                  key={user.user}
                  id={`${id}-card-${index}`}
                  rank={pager.firstRow + index}
                  user={user}
                  selected={index === activeIndex}
                  onOpen={() => {
                    activate(index)
                    onOpen(user.user)
                  }}
                />
              )
            })}
          </div>
        ))}
      </div>
    </div>
  )
}
