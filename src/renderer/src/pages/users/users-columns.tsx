import { createColumnHelper, type RowData } from '@tanstack/react-table'
import type { UserRisk } from '../../../../shared/scoring-schemas'
import { RiskBar } from '../../components/RiskBar'
import { RiskSeverityBadge } from '../../components/RiskSeverityBadge'
import { RiskTypes } from '../../components/RiskTypes'
import { formatCount } from '../../format'
import { userHref } from '../../routes'

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter must match TanStack's declaration
  interface TableMeta<TData extends RowData> {
    /** The number of the page's first row: the table holds one page, and ranks run on across pages. */
    firstRow?: number
  }
}

const column = createColumnHelper<UserRisk>()

/** Widths in pixels; the table lays out fixed so virtualized rows never shift sideways. */
export const usersColumns = [
  column.display({
    id: 'rank',
    header: '#',
    size: 52,
    cell: (context) => <span className="numeric">{(context.table.options.meta?.firstRow ?? 1) + context.row.index}</span>,
  }),
  column.accessor('user', {
    header: 'User',
    size: 170,
    cell: (context) => (
      <a className="users-name" href={userHref(context.getValue())} tabIndex={-1}>
        {context.getValue()}
      </a>
    ),
  }),
  column.accessor('risk', {
    header: 'Risk',
    size: 150,
    cell: (context) => <RiskBar risk={context.getValue()} severity={context.row.original.severity} />,
  }),
  column.accessor('severity', {
    header: 'Severity',
    size: 90,
    cell: (context) => <RiskSeverityBadge severity={context.getValue()} />,
  }),
  column.accessor('types', {
    header: 'Top anomaly types',
    size: 320,
    cell: (context) => <RiskTypes types={context.getValue()} limit={3} />,
  }),
  column.accessor('peerGroup', { header: 'Peer group', size: 140 }),
  column.accessor('days', {
    header: 'Days',
    size: 64,
    cell: (context) => <span className="numeric">{formatCount(context.getValue())}</span>,
  }),
  column.accessor('lastSeen', { header: 'Last seen', size: 110, cell: (context) => <time>{context.getValue()}</time> }),
]
