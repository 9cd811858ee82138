import type { ReactNode } from 'react'
import type { ScoredDayRow } from '../../../../shared/scoring-schemas'
import { severityOf } from '../../../../shared/severity'
import { EmptyState } from '../../components/EmptyState'
import { Panel } from '../../components/Panel'
import { RiskBar } from '../../components/RiskBar'
import { RiskSeverityBadge } from '../../components/RiskSeverityBadge'
import { RiskTypes } from '../../components/RiskTypes'
import { formatCount } from '../../format'

const detectors = [
  { key: 'baseline', label: 'Baseline (self and peers)' },
  { key: 'markov', label: 'Sequences (Markov)' },
  { key: 'iforest', label: 'Isolation Forest' },
  { key: 'rules', label: 'Rules' },
  { key: 'ocean', label: 'OCEAN drift' },
] as const

/**
 * The selected day: the plain-language summary, each detector's score and the facts behind them.
 * `actions` (adding the day to a case) sit beside the title.
 */
export function UserDayPanel({ day, actions }: { day: ScoredDayRow | undefined; actions?: ReactNode }) {
  if (!day) {
    return (
      <Panel title="Selected day">
        <EmptyState title="No scored day selected">Pick a day in the strip or on the timeline.</EmptyState>
      </Panel>
    )
  }
  return (
    <Panel
      title={`Day ${day.date}`}
      aside={
        <>
          <RiskSeverityBadge severity={day.severity} />
          <span className="muted">{formatCount(day.events)} events</span>
          {actions}
        </>
      }
    >
      <div className="user-day">
        <div className="user-day-summary">
          <p>{day.summary}</p>
          <div className="user-types">
            <span className="muted">Types</span> <RiskTypes types={day.types} />
          </div>
          <dl className="user-detectors" aria-label="Detector scores">
            <dt>Risk</dt>
            <dd>
              <RiskBar risk={day.risk} severity={day.severity} />
            </dd>
            {detectors.map((detector) => (
              <div key={detector.key} className="user-detector">
                <dt>{detector.label}</dt>
                <dd>
                  <RiskBar risk={day.detectors[detector.key]} severity={severityOf(day.detectors[detector.key])} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <UserFactsTable facts={day.facts} />
      </div>
    </Panel>
  )
}

function UserFactsTable({ facts }: { facts: ScoredDayRow['facts'] }) {
  if (facts.length === 0) return <p className="muted user-facts-empty">No detector reported a fact on this day.</p>
  return (
    <div className="table-scroll user-facts">
      <table className="data-table">
        <caption className="visually-hidden">Contributing facts, strongest first</caption>
        <thead>
          <tr>
            <th scope="col">Detector</th>
            <th scope="col">Fact</th>
            <th scope="col" className="numeric">Value</th>
            <th scope="col" className="numeric">Usual</th>
            <th scope="col" className="numeric">z</th>
            <th scope="col" className="numeric">Weight</th>
          </tr>
        </thead>
        <tbody>
          {[...facts]
            .sort((left, right) => right.weight - left.weight)
            .map((fact, index) => (
              <tr key={`${fact.detector} ${fact.key} ${index}`}>
                <td className="nowrap">{fact.detector}</td>
                <td>{fact.text}</td>
                <td className="numeric">{formatValue(fact.value)}</td>
                <td className="numeric">{fact.baseline === null ? '—' : formatValue(fact.baseline)}</td>
                <td className="numeric">{fact.z === null ? '—' : fact.z.toFixed(1)}</td>
                <td className="numeric">{fact.weight.toFixed(2)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  )
}

function formatValue(value: number | string): string {
  if (typeof value === 'string') return value
  return Number.isInteger(value) ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 4 })
}
