import type { ImportRecord } from '../../../../shared/contract'
import { formatCount, formatTimestamp } from '../../format'

export interface ImportsTableProps {
  imports: readonly ImportRecord[]
}

export function ImportsTable({ imports }: ImportsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Imports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Events
            </th>
            <th scope="col" className="numeric">
              Rejects
            </th>
            <th scope="col">Started (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((record) => {
            // An archive member is shown as `archive › member`.
            const path = record.entry === null ? record.path : `${record.path} › ${record.entry}`
            return (
              <tr key={record.id}>
                <td className="truncate mono" title={path}>
                  {path}
                </td>
                <td>{record.format ?? <span className="muted">unknown</span>}</td>
                <td>
                  <span className={`status status-${record.status}`}>{record.status}</span>
                  {record.error === null ? null : <div className="cell-note">{record.error}</div>}
                </td>
                <td className="numeric">{formatCount(record.events)}</td>
                <td className="numeric">{formatCount(record.rejects)}</td>
                <td className="numeric nowrap">
                  <time dateTime={formatTimestamp(record.startedAt)}>{formatTimestamp(record.startedAt)}</time>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
