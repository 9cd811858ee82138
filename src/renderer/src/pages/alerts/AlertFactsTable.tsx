import type { ScoredDayRow } from '../../../../shared/scoring-schemas'
import { detectorLabel, formatScore } from '../../components/AlertDetectors'

export interface AlertFactsTableProps {
  facts: ScoredDayRow['facts']
}

/** The facts behind a day's score, strongest first as the engine ranks them: value, usual value and z. */
export function AlertFactsTable({ facts }: AlertFactsTableProps) {
  if (facts.length === 0) return <p className="muted">No single fact stood out; the score comes from the combination.</p>
  return (
    <div className="table-scroll alert-facts-scroll">
      <table className="data-table alert-facts-table">
        <caption className="visually-hidden">Facts behind the score</caption>
        <thead>
          <tr>
            <th scope="col">Detector</th>
            <th scope="col">Fact</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col" className="numeric">
              Usual
            </th>
            <th scope="col" className="numeric">
              z
            </th>
          </tr>
        </thead>
        <tbody>
          {facts.map((fact, index) => (
            <tr key={`${fact.detector} ${fact.key} ${index}`}>
              <td className="nowrap">{detectorLabel(fact.detector)}</td>
              <td>{fact.text}</td>
              <td className="numeric">{typeof fact.value === 'number' ? formatScore(fact.value) : fact.value}</td>
              <td className="numeric">{fact.baseline === null ? <None /> : formatScore(fact.baseline)}</td>
              <td className="numeric">{fact.z === null ? <None /> : fact.z.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function None() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </span>
  )
}
