import { useCallback, useRef, useState } from 'react'
import type { Alert } from '../../../../shared/scoring-schemas'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { useAlertFeed } from '../../hooks/use-alert-feed'
import { useAlertRoute } from '../../hooks/use-alert-route'
import { useAlertTriage, type TriageChange } from '../../hooks/use-alert-triage'
import { useCall } from '../../hooks/use-call'
import { useEvent } from '../../hooks/use-event'
import { AlertExplanation } from './AlertExplanation'
import { AlertFeedFooter } from './AlertFeedFooter'
import { AlertFeedTable } from './AlertFeedTable'
import { AlertFilters } from './AlertFilters'

export function AlertsPage() {
  const { filter, alertId, setFilter } = useAlertRoute()
  const feed = useAlertFeed(filter)
  const playbook = useCall('scoring:playbook', {})
  const types = Object.keys(playbook.data?.entries ?? {}).sort()
  const explanation = useRef<HTMLElement | null>(null)
  // A scoring run in progress: its new alerts will arrive at the top when it finishes.
  const [scoring, setScoring] = useState<{ stage: string } | undefined>(undefined)
  useEvent('scoring:progress', setScoring)
  useEvent('scoring:finished', () => setScoring(undefined))

  // The alert the URL names (`?id=`) is opened when the URL changes; after that the analyst chooses.
  const [selection, setSelection] = useState({ id: alertId, fromRoute: alertId })
  if (selection.fromRoute !== alertId) setSelection({ id: alertId, fromRoute: alertId })
  // Until the analyst chooses, the riskiest listed alert is open; a live arrival does not take its place.
  const firstListed = feed.items.find((alert) => !feed.arrived.has(alert.id)) ?? feed.items[0]
  const selectedId = selection.fromRoute === alertId ? (selection.id ?? firstListed?.id) : alertId
  const select = useCallback((id: number) => setSelection((previous) => ({ ...previous, id })), [])

  // The last triaged alert, for an alert opened by id that is not among the rows loaded.
  const [triaged, setTriaged] = useState<Alert | undefined>(undefined)
  const { replace } = feed
  const onChanged = useCallback(
    (alert: Alert) => {
      replace(alert)
      setTriaged(alert)
    },
    [replace],
  )
  const triage = useAlertTriage(onChanged)
  const decide = (id: number, change: TriageChange): void => triage.triage(id, change)
  const current = feed.items.find((alert) => alert.id === selectedId) ?? (triaged?.id === selectedId ? triaged : undefined)

  let list
  if (feed.loading) {
    list = <Loading label="Loading alerts" lines={8} />
  } else if (feed.items.length === 0 && feed.error) {
    list = <ErrorBanner title="Could not load alerts" error={feed.error} onRetry={feed.reload} />
  } else if (feed.items.length === 0) {
    list = (
      <EmptyState title={Object.keys(filter).length > 0 ? 'No alerts match these filters' : 'No alerts yet'}>
        {Object.keys(filter).length > 0
          ? 'Change or clear the filters above. New alerts that match appear here as scoring finds them.'
          : 'Alerts appear here, live, once scoring rates a user-day Medium or High. Import logs to start.'}
      </EmptyState>
    )
  } else {
    list = (
      <AlertFeedTable
        alerts={feed.items}
        arrived={feed.arrived}
        selectedId={selectedId}
        onSelect={select}
        onOpen={() => explanation.current?.focus()}
        onTriage={decide}
      />
    )
  }

  return (
    <div className="page page-alerts">
      <PageHeader
        title="Alerts"
        description="Scored user-days rated Medium or High. New ones arrive live. Arrows move, Enter opens, A acknowledges, T / F give a verdict."
      />
      <AlertFilters filter={filter} types={types} onChange={setFilter} />
      <div className="alerts-layout">
        <section className="panel alert-feed" aria-label="Alert list">
          <header className="panel-header">
            <h2>Feed</h2>
            <div className="panel-aside">
              <span className="alert-live" title="Alerts pushed by the engine appear at the top without reloading">
                <span className="alert-live-dot" aria-hidden="true" />
                Live{feed.arrived.size > 0 ? ` · ${feed.arrived.size} new` : ''}
                {scoring && scoring.stage !== 'done' ? ` · scoring: ${scoring.stage}` : ''}
              </span>
            </div>
          </header>
          <div className="panel-body">
            {feed.rescoredAt === undefined ? null : (
              <div className="alert-rescored" role="status">
                <span>Scores were recomputed at {new Date(feed.rescoredAt).toLocaleTimeString()}; risks shown may have moved.</span>
                <button type="button" className="button" onClick={feed.reload}>
                  Reload
                </button>
              </div>
            )}
            {list}
            {feed.loading || feed.items.length === 0 ? null : <AlertFeedFooter feed={feed} />}
          </div>
        </section>
        {selectedId === undefined ? (
          <section className="panel alert-explanation" aria-label="Explanation">
            <div className="panel-body">
              <EmptyState title="No alert selected">Choose an alert to see why it fired and what to do.</EmptyState>
            </div>
          </section>
        ) : (
          <AlertExplanation key={selectedId} ref={explanation} id={selectedId} current={current} triage={triage} onTriage={decide} />
        )}
      </div>
    </div>
  )
}
