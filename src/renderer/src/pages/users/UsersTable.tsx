import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useId } from 'react'
import type { UserRisk } from '../../../../shared/scoring-schemas'
import type { ScrollPager } from '../../components/scroll-paging'
import { SpacerRow, useVirtualGrid } from '../../components/virtual-grid'
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
  // The app is not built with the React Compiler; TanStack's unmemoizable returns are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: users as UserRisk[],
    columns: usersColumns,
    getCoreRowModel: getCoreRowModel(),
    meta: { firstRow: pager.firstRow },
  })
  const rows = table.getRowModel().rows
  const { scroller, onScroll, activeIndex, activate, items, paddingTop, paddingBottom, onKeyDown } = useVirtualGrid({
    count: rows.length,
    pager,
    rowHeight,
    headerHeight,
    overscan: 12,
    onEnter: (index) => {
      const user = users[index]
      if (user) onOpen(user.user)
    },
  })
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
          <SpacerRow height={paddingTop} columns={columnCount} />
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
          <SpacerRow height={paddingBottom} columns={columnCount} />
        </tbody>
      </table>
    </div>
  )
}
