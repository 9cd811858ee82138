import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useId, useRef, type KeyboardEvent } from 'react'
import type { UserRisk } from '../../../../shared/scoring-schemas'
import { usePagedActiveRow, useScrollPaging, type ScrollPager } from '../../components/scroll-paging'
import { usersColumns } from './users-columns'

export interface UsersTableProps {
  /** One page of the ranking. */
  users: readonly UserRisk[]
  /** Scrolling to the end turns to the next page. */
  pager: ScrollPager
  onOpen: (user: string) => void
}

const rowHeight = 36
const headerHeight = 30

/**
 * The ranking as a virtualized table: only the rows in view are in the DOM. The table takes focus
 * once; arrows, Page Up/Down, Home and End move the active row (aria-activedescendant), Enter
 * opens the user's page. Scrolling, or arrowing, past the last row shows the next page.
 */
export function UsersTable({ users, pager, onOpen }: UsersTableProps) {
  const id = useId()
  const scroller = useRef<HTMLDivElement | null>(null)
  const onScroll = useScrollPaging(scroller, pager)
  const { active: activeIndex, moveTo: activate } = usePagedActiveRow(pager, users.length)

  // The app is not built with the React Compiler; TanStack's unmemoizable returns are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: users as UserRisk[],
    columns: usersColumns,
    getCoreRowModel: getCoreRowModel(),
    meta: { firstRow: pager.firstRow },
  })
  const rows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollPaddingStart: headerHeight,
  })
  const items = virtualizer.getVirtualItems()

  function moveTo(index: number): void {
    const next = activate(index)
    if (next !== undefined) virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>): void {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: rows.length - 1,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      moveTo(target)
    } else if (event.key === 'Enter') {
      const user = users[activeIndex]
      if (user) onOpen(user.user)
    }
  }

  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const columnCount = table.getVisibleLeafColumns().length

  return (
    <div ref={scroller} className="users-table-scroll" onScroll={onScroll}>
      <table
        className="data-table users-table"
        role="grid"
        tabIndex={0}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={rows.length > 0 ? `${id}-row-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
      >
        <caption className="visually-hidden">Users ranked by risk, riskiest first; Enter opens the selected user</caption>
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={header.column.id === 'risk' ? 'descending' : undefined}
                  title={header.column.id === 'risk' ? 'Sorted by risk, highest first (the server’s order)' : undefined}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {header.column.id === 'risk' ? <span aria-hidden="true"> ↓</span> : null}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 ? <tr aria-hidden="true"><td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} /></tr> : null}
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                id={`${id}-row-${item.index}`}
                className="users-row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === activeIndex}
                onClick={() => {
                  activate(item.index)
                  onOpen(row.original.user)
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            )
          })}
          {paddingBottom > 0 ? <tr aria-hidden="true"><td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} /></tr> : null}
        </tbody>
      </table>
    </div>
  )
}
