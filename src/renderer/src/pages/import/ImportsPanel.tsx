import { useRef, useState } from 'react'
import type { ImportRecord } from '../../../../shared/contract'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { useCall } from '../../hooks/use-call'
import { useEvent } from '../../hooks/use-event'
import { ImportsTable } from './ImportsTable'
import { RejectsPanel } from './RejectsPanel'

const pageSize = 200

/** Every file imported so far, newest first, with the rejected lines of the one picked. */
export function ImportsPanel() {
  const imports = useCall('imports:list', { limit: pageSize })
  const [selected, setSelected] = useState<ImportRecord | undefined>(undefined)
  const container = useRef<HTMLDivElement>(null)
  useEvent('ingest:finished', imports.reload)

  function closeRejects(): void {
    const id = selected?.id
    setSelected(undefined)
    // Back to the row the panel was opened from.
    container.current?.querySelector<HTMLElement>(`tr[data-import-id="${id}"]`)?.focus()
  }

  const items = imports.data?.items
  let body
  if (imports.error && items === undefined) {
    body = <ErrorBanner title="Could not list imports" error={imports.error} onRetry={imports.reload} />
  } else if (items === undefined) {
    body = <Loading label="Loading imports" lines={4} />
  } else if (items.length === 0) {
    body = (
      <EmptyState title="No imports yet">
        Drop log files, folders or archives above, or anywhere in the window. Each file is listed here with what
        came of it.
      </EmptyState>
    )
  } else {
    body = (
      <>
        {imports.error ? <ErrorBanner title="Could not refresh imports" error={imports.error} onRetry={imports.reload} /> : null}
        <ImportsTable imports={items} selectedId={selected?.id} onOpenRejects={setSelected} />
        {imports.data?.nextCursor === null ? null : (
          <p className="table-footer muted">The latest {formatCount(pageSize)} imports are shown.</p>
        )}
      </>
    )
  }

  const count = items === undefined ? undefined : `${formatCount(items.length)}${imports.data?.nextCursor === null ? '' : '+'}`
  return (
    <div ref={container} className="imports-section">
      <Panel title="Imports" aside={count === undefined ? undefined : <span className="muted numeric">{count}</span>}>
        {body}
      </Panel>
      {selected ? <RejectsPanel key={selected.id} record={selected} onClose={closeRejects} /> : null}
    </div>
  )
}
