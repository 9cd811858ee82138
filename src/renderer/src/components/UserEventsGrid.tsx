import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useId } from 'react'
import type { EventRow } from '../../../shared/contract'
import { formatTimestamp } from '../format'
import type { ScrollPager } from './scroll-paging'
import { SpacerRow, useVirtualGrid } from './virtual-grid'

export interface UserEventsGridProps {
  /** One page of the user's events. */
  events: readonly EventRow[]
  /** Scrolling to the end turns to the next page. */
  pager: ScrollPager
  /** The event whose record is open, if any. */
  openId: number | undefined
  onOpen: (event: EventRow) => void
}

const column = createColumnHelper<EventRow>()
const dash = '—'
const columns = [
  column.accessor('ts', { header: 'Time (UTC)', size: 190, cell: (context) => <time>{formatTimestamp(context.getValue())}</time> }),
  column.accessor('host', { header: 'Host', size: 110, cell: (context) => context.getValue() ?? dash }),
  column.accessor('category', { header: 'Category', size: 100 }),
  column.accessor('action', { header: 'Action', size: 120 }),
  column.accessor('outcome', { header: 'Outcome', size: 80, cell: (context) => <span className={`outcome-${context.getValue()}`}>{context.getValue()}</span> }),
  column.accessor('object', { header: 'Object', size: 320, cell: (context) => context.getValue() ?? dash }),
]

const rowHeight = 30
const headerHeight = 28

/**
 * A user's events, newest first, virtualized. The table takes focus once; arrows move the active
 * row and Enter (or a click) opens its raw record. Scrolling or arrowing past the last row shows
 * the next page.
 */
export function UserEventsGrid({ events, pager, openId, onOpen }: UserEventsGridProps) {
  const id = useId()
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build
  const table = useReactTable({ data: events as EventRow[], columns, getCoreRowModel: getCoreRowModel() })
  const rows = table.getRowModel().rows
  const { scroller, onScroll, activeIndex, activate, items, paddingTop, paddingBottom, onKeyDown } = useVirtualGrid({
    count: rows.length,
    pager,
    rowHeight,
    headerHeight,
    overscan: 15,
    onEnter: (index) => {
      const row = events[index]
      if (row) onOpen(row)
    },
  })

  return (
    <div ref={scroller} className="user-events-scroll" onScroll={onScroll}>
      <table
        className="data-table user-events-table"
        role="grid"
        tabIndex={0}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={rows.length > 0 ? `${id}-event-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
      >
        <caption className="visually-hidden">The user’s events, newest first; Enter shows the raw record</caption>
        <colgroup>
          {table.getVisibleLeafColumns().map((leaf) => (
            <col key={leaf.id} style={{ width: leaf.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          <SpacerRow height={paddingTop} columns={columns.length} />
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                id={`${id}-event-${item.index}`}
                className={row.original.id === openId ? 'user-event-row user-event-open' : 'user-event-row'}
                aria-rowindex={item.index + 2}
                aria-selected={item.index === activeIndex}
                onClick={() => {
                  activate(item.index)
                  onOpen(row.original)
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            )
          })}
          <SpacerRow height={paddingBottom} columns={columns.length} />
        </tbody>
      </table>
    </div>
  )
}
