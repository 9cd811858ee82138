import { useId, type Ref } from 'react'
import type { Alert, AlertDetail } from '../../../../shared/scoring-schemas'
import { AlertTypeChips } from '../../components/AlertTypeChips'
import { formatScore } from '../../components/AlertDetectors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { SeverityBadge } from '../../components/SeverityBadge'
import { alertsHref, userHref } from '../../hooks/use-alert-route'
import type { AlertTriage, TriageChange } from '../../hooks/use-alert-triage'
import { useCall } from '../../hooks/use-call'
import { AlertDetectorBars } from './AlertDetectorBars'
import { AlertFactsTable } from './AlertFactsTable'
import { AlertTriageBar } from './AlertTriageBar'
import { PlaybookEntries } from './PlaybookEntries'

export interface AlertExplanationProps {
  id: number
  /** The alert as the list has it, triage included; newer than the detail once triaged. */
  current: Alert | undefined
  triage: AlertTriage
  onTriage: (id: number, change: TriageChange) => void
  /** The section, so Enter on a row can move focus here. */
  ref?: Ref<HTMLElement>
}

/** Why one alert fired: the scored day's summary, facts and detector scores, the playbook, and triage. */
export function AlertExplanation({ id, current, triage, onTriage, ref }: AlertExplanationProps) {
  const headingId = useId()
  const detail = useCall('alerts:detail', { id })
  const alert = current ?? detail.data?.alert

  return (
    <section className="panel alert-explanation" aria-labelledby={headingId} ref={ref} tabIndex={-1}>
      <header className="panel-header">
        <h2 id={headingId}>Alert #{id}</h2>
        {alert ? <SeverityBadge severity={alert.severity} /> : null}
      </header>
      <div className="panel-body alert-explanation-body">
        {alert ? <AlertHeading alert={alert} /> : null}
        {alert ? (
          <AlertTriageBar
            alert={alert}
            pending={triage.pendingId === id}
            error={triage.failure?.id === id ? triage.failure.error : undefined}
            onTriage={(change) => onTriage(id, change)}
          />
        ) : null}
        {detail.error ? (
          <ErrorBanner title="Could not load the explanation" error={detail.error} onRetry={detail.reload} />
        ) : detail.data === undefined ? (
          <Loading label="Loading the explanation" lines={6} />
        ) : (
          <Explanation detail={detail.data} />
        )}
      </div>
    </section>
  )
}

function AlertHeading({ alert }: { alert: Alert }) {
  return (
    <div className="alert-heading">
      <p className="alert-heading-title">
        <a href={userHref(alert.user)}>{alert.user}</a> on <time dateTime={alert.date}>{alert.date}</time>
        <span className="alert-heading-risk">risk {formatScore(alert.risk)}</span>
      </p>
      <AlertTypeChips types={alert.types} />
      <p className="alert-heading-links">
        <a href={userHref(alert.user)}>Open the user page</a>
        <a href={alertsHref({ user: alert.user })}>All alerts of {alert.user}</a>
      </p>
    </div>
  )
}

function Explanation({ detail }: { detail: AlertDetail }) {
  const { day, playbook } = detail
  return (
    <>
      {day === null ? (
        <p className="muted">The scored day behind this alert is no longer in the workspace (it was rescored away).</p>
      ) : (
        <>
          <section className="alert-section" aria-label="Summary">
            <p className="alert-summary">{day.summary}</p>
            <p className="muted">{day.events.toLocaleString('en-US')} events that day.</p>
          </section>
          <section className="alert-section">
            <h3>Detector scores</h3>
            <AlertDetectorBars detectors={day.detectors} />
          </section>
          <section className="alert-section">
            <h3>What stood out</h3>
            <AlertFactsTable facts={day.facts} />
          </section>
        </>
      )}
      <section className="alert-section">
        <h3>Playbook</h3>
        <PlaybookEntries entries={playbook} />
      </section>
    </>
  )
}
