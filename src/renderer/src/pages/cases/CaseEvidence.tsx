import { useMemo } from 'react'
import type { CaseDetail, CaseEvidence as Evidence } from '../../../../shared/case-schemas'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Panel } from '../../components/Panel'
import { RiskSeverityBadge } from '../../components/RiskSeverityBadge'
import { SeverityBadge } from '../../components/SeverityBadge'
import { TagEditor } from '../../components/TagEditor'
import { useAction, type ActionState } from '../../hooks/use-action'
import { alertsHref } from '../../hooks/use-alert-route'
import { describeEvidence, evidenceSections, type EvidenceView } from './evidence'

export interface CaseEvidenceProps {
  detail: CaseDetail
  timeZone: string | undefined
  readOnly: boolean
}

/**
 * What the case holds, by kind. Each item opens the user's page on its day, carries its tags, and
 * can be detached.
 */
export function CaseEvidence({ detail, timeZone, readOnly }: CaseEvidenceProps) {
  // One action for the whole list: a detach or a tag change, and why it failed.
  const action = useAction()
  const alerts = useMemo(() => new Map(detail.alerts.map((alert) => [alert.id, alert])), [detail.alerts])
  const { evidence } = detail

  return (
    <Panel title="Evidence" aside={<span className="muted">{evidence.length}</span>}>
      {action.error ? <ErrorBanner title="Could not change the evidence" error={action.error} /> : null}
      {evidence.length === 0 ? (
        <EmptyState title="No evidence yet">
          Add users from their page, alerts from the alert list (“Assign to case”), and events from a user’s logs (“Pin to case”).
        </EmptyState>
      ) : (
        <div className="case-evidence">
          {evidenceSections.map((section) => {
            const items = evidence.filter((item) => item.kind === section.kind)
            if (items.length === 0) return null
            return (
              <section key={section.kind} className="evidence-section" aria-label={section.title}>
                <h3>
                  {section.title} <span className="muted">{items.length}</span>
                </h3>
                <ul className="evidence-list">
                  {items.map((item) => (
                    <EvidenceItem
                      key={item.id}
                      evidence={item}
                      view={describeEvidence(item, alerts, timeZone)}
                      detail={detail}
                      action={action}
                      readOnly={readOnly}
                    />
                  ))}
                </ul>
              </section>
            )
          })}
        </div>
      )}
    </Panel>
  )
}

interface EvidenceItemProps {
  evidence: Evidence
  view: EvidenceView
  detail: CaseDetail
  action: ActionState
  readOnly: boolean
}

function EvidenceItem({ evidence, view, detail, action, readOnly }: EvidenceItemProps) {
  const { tags: place } = view
  const tags = place ? detail.tags.filter((tag) => tag.target === place.target && tag.key === place.key).map((tag) => tag.tag) : []
  return (
    <li className="evidence-item" data-evidence-kind={evidence.kind}>
      <div className="evidence-line">
        {view.href ? (
          <a href={view.href} title="Open the user’s page on this day">
            {view.description}
          </a>
        ) : (
          <span>{view.description}</span>
        )}
        <EvidenceBadges evidence={evidence} detail={detail} />
        {readOnly ? null : (
          <button
            type="button"
            className="button button-quiet evidence-detach"
            aria-label={`Detach ${view.description}`}
            disabled={action.pending}
            onClick={() => void action.run('cases:detach', { caseId: evidence.caseId, evidenceId: evidence.id })}
          >
            Detach
          </button>
        )}
      </div>
      {place ? (
        <TagEditor
          tags={tags}
          subject={view.description}
          pending={action.pending}
          onAdd={readOnly ? undefined : (tag) => void action.run('tags:add', { ...place, tag })}
          onRemove={readOnly ? undefined : (tag) => void action.run('tags:remove', { ...place, tag })}
        />
      ) : null}
    </li>
  )
}

/** A user's current risk, an alert's severity and a link to its explanation. */
function EvidenceBadges({ evidence, detail }: { evidence: Evidence; detail: CaseDetail }) {
  if (evidence.kind === 'user') {
    const user = detail.users.find((candidate) => candidate.user === evidence.user)
    return user ? <RiskSeverityBadge severity={user.severity} /> : null
  }
  if (evidence.kind === 'alert' && evidence.alertId !== null) {
    const alert = detail.alerts.find((candidate) => candidate.id === evidence.alertId)
    return (
      <>
        {alert ? <SeverityBadge severity={alert.severity} /> : null}
        <a className="evidence-aside" href={alertsHref({}, evidence.alertId)}>
          explanation
        </a>
      </>
    )
  }
  return null
}
