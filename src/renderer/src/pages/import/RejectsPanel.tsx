import { useEffect, useRef } from 'react'
import type { ImportRecord } from '../../../../shared/contract'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Pager } from '../../components/Pager'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { useRejectsPage } from '../../hooks/use-rejects-page'
import { displayPath } from './paths'

export interface RejectsPanelProps {
  record: ImportRecord
  onClose: () => void
}

/** The lines of one import that no parser accepted, with why, in file order. */
export function RejectsPanel({ record, onClose }: RejectsPanelProps) {
  const page = useRejectsPage(record.id)
  const closeButton = useRef<HTMLButtonElement>(null)
  const { name } = displayPath(record.path)
  const label = record.entry === null ? name : `${name} › ${record.entry}`
  const fullPath = record.entry === null ? record.path : `${record.path} › ${record.entry}`
  const shown = page.items.length

  // Opening moves focus into the panel, so Enter on a row is followed by reading its lines.
  useEffect(() => {
    closeButton.current?.focus()
  }, [record.id])

  let body
  if (page.loading) {
    body = <Loading label="Loading rejected lines" lines={4} />
  } else if (shown === 0 && page.error) {
    body = <ErrorBanner title="Could not load rejected lines" error={page.error} onRetry={page.reload} />
  } else if (shown === 0) {
    body = (
      <EmptyState title="No rejected lines">
        {record.rejects === 0
          ? 'Every line of this file was understood.'
          : 'This import counted rejected lines but kept none of them.'}
      </EmptyState>
    )
  } else {
    body = (
      <>
        <div className="table-scroll">
          <table className="data-table rejects-table">
            <caption className="visually-hidden">Rejected lines of {label}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  Line
                </th>
                <th scope="col">Reason</th>
                <th scope="col">Excerpt</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((reject) => (
                <tr key={reject.id}>
                  <td className="numeric">{formatCount(reject.lineNo)}</td>
                  <td>{reject.reason}</td>
                  <td>
                    <code className="excerpt">{reject.excerpt}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page.error ? <ErrorBanner title="Could not load that page of rejected lines" error={page.error} onRetry={page.reload} /> : null}
        <Pager pager={page} rows="rejected lines">
          {` of ${formatCount(record.rejects)}`}
          {!page.hasNext && page.firstRow + shown - 1 < record.rejects ? ' — the rest were counted but not kept' : ''}
        </Pager>
      </>
    )
  }

  return (
    <div
      className="rejects-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <Panel
        title="Rejected lines"
        aside={
          <>
            <span className="mono rejects-source" title={fullPath}>
              {label}
            </span>
            <button
              ref={closeButton}
              type="button"
              className="button button-quiet"
              onClick={onClose}
              aria-label={`Close the rejected lines of ${label}`}
            >
              Close
            </button>
          </>
        }
      >
        {body}
      </Panel>
    </div>
  )
}
