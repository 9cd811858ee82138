import type { ReactNode } from 'react'
import { formatCount } from '../format'
import type { PagerState } from '../hooks/use-keyset-pages'

export interface PagerProps {
  pager: PagerState
  /** What the rows are, for the buttons' accessible names ("users", "events"). */
  rows: string
  /** A note after the row numbers (how many exist, why some are missing). */
  children?: ReactNode
}

/**
 * Under a paged table: which rows are shown ("Rows 101–200") and the buttons to the page before
 * and after. A table holds one page at a time, so these are the way through a long list. The
 * buttons stay enabled while a page is on its way (a second press waits) so focus is not lost.
 */
export function Pager({ pager, rows, children }: PagerProps) {
  const last = pager.firstRow + pager.count - 1
  return (
    <nav className="table-footer pager" aria-label={`Pages of ${rows}`}>
      <span className="muted numeric" aria-live="polite">
        {pager.count === 0 ? `No ${rows}` : `Rows ${formatCount(pager.firstRow)}–${formatCount(last)}`}
        {children}
        {pager.hasNext || pager.hasPrevious ? '' : ' — all shown'}
        {pager.turning ? ' · loading…' : ''}
      </span>
      {pager.hasNext || pager.hasPrevious ? (
        <span className="pager-buttons">
          <button type="button" className="button" onClick={pager.previous} disabled={!pager.hasPrevious} aria-label={`Previous page of ${rows}`}>
            ← Previous
          </button>
          <button type="button" className="button" onClick={pager.next} disabled={!pager.hasNext} aria-label={`Next page of ${rows}`}>
            Next →
          </button>
        </span>
      ) : null}
    </nav>
  )
}
