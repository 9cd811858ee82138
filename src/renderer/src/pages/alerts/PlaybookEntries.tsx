import type { AlertDetail } from '../../../../shared/scoring-schemas'
import { alertTypeLabel } from '../../components/AlertTypeChips'

export interface PlaybookEntriesProps {
  entries: AlertDetail['playbook']
}

/** What each of the alert's anomaly types means and what to do about it (the workspace's playbook). */
export function PlaybookEntries({ entries }: PlaybookEntriesProps) {
  if (entries.length === 0) return <p className="muted">The playbook has no entry for this alert's types.</p>
  return (
    <div className="playbook-entries">
      {entries.map(({ type, entry }) => (
        <article key={type} className="playbook-entry">
          <h4>{alertTypeLabel(type)}</h4>
          <dl className="playbook-facts">
            <dt>Risk</dt>
            <dd>{entry.risk}</dd>
            <dt>Impact</dt>
            <dd>{entry.impact}</dd>
            <dt>Recommended action</dt>
            <dd>{entry.action}</dd>
            <dt>Response time</dt>
            <dd>{entry.responseTime}</dd>
          </dl>
        </article>
      ))}
    </div>
  )
}
