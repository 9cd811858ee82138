import { useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { Pager } from '../../components/Pager'
import { useRiskyUsers, type RiskyUsersFilter } from '../../hooks/use-risky-users'
import { navigateToUser, replaceRouteQuery, useRouteQuery } from '../../hooks/use-route'
import { useUserAnomalyTypes } from '../../hooks/use-user-anomaly-types'
import { UsersCards } from './UsersCards'
import { UsersFilters } from './UsersFilters'
import { UsersTable } from './UsersTable'
import { isFiltered, usersStateFromQuery, usersStateToQuery, type UsersScreenState, type UsersView } from './users-query'

/** The risky-user ranking: filters, then the table or the cards, one page at a time, the next as the end is scrolled to. */
export function UsersPage() {
  const query = useRouteQuery()
  // The address holds the state it was opened with; from then on the screen owns it.
  const [screen, setScreen] = useState<UsersScreenState>(() => usersStateFromQuery(query))
  const ranking = useRiskyUsers(screen.filter)
  const anomalyTypes = useUserAnomalyTypes()

  function update(next: UsersScreenState): void {
    setScreen(next)
    replaceRouteQuery(usersStateToQuery(next))
  }
  const setFilter = (filter: RiskyUsersFilter): void => update({ ...screen, filter })
  const setView = (view: UsersView): void => update({ ...screen, view })

  return (
    <div className="page users-page">
      <PageHeader title="Users" description="Everyone the scoring has seen, riskiest first. Enter or a click opens a user's page." />
      <UsersFilters
        filter={screen.filter}
        onFilterChange={setFilter}
        types={anomalyTypes.types}
        peerGroups={ranking.peerGroups}
        view={screen.view}
        onViewChange={setView}
      />
      {ranking.error && ranking.items.length === 0 ? (
        <ErrorBanner error={ranking.error} title="Could not load the ranking" onRetry={ranking.reload} />
      ) : ranking.loading ? (
        <Loading label="Loading the ranking" lines={8} />
      ) : ranking.items.length === 0 ? (
        isFiltered(screen.filter) ? (
          <EmptyState title="No user matches these filters">Clear a filter or search for another name.</EmptyState>
        ) : (
          <EmptyState title="No scored users yet — import logs and scoring runs automatically">
            Once logs are imported, every user is scored against their own history and their peers, and ranked here.
          </EmptyState>
        )
      ) : (
        <>
          {screen.view === 'table' ? (
            <UsersTable users={ranking.items} pager={ranking} onOpen={navigateToUser} />
          ) : (
            <UsersCards users={ranking.items} pager={ranking} onOpen={navigateToUser} />
          )}
          {ranking.error ? <ErrorBanner error={ranking.error} title="Could not load that page of users" onRetry={ranking.reload} /> : null}
          <Pager pager={ranking} rows="users" />
        </>
      )}
    </div>
  )
}
