import { useState } from 'react'
import { AddToCase } from '../../components/AddToCase'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { replaceRouteQuery, useRouteQuery } from '../../hooks/use-route'
import { usePinnedEvents } from '../../hooks/use-cases'
import { useTheme } from '../../hooks/use-theme'
import { useUserActivity } from '../../hooks/use-user-activity'
import { useUserDetail } from '../../hooks/use-user-detail'
import { useUserHeatmap } from '../../hooks/use-user-heatmap'
import { routeHref } from '../../routes'
import { UserActivityPanel } from './UserActivityPanel'
import { UserDayPanel } from './UserDayPanel'
import { UserHeader } from './UserHeader'
import { UserLogsPanel } from './UserLogsPanel'
import { UserHeatmapPanel } from './UserHeatmapPanel'
import { UserOceanPanel } from './UserTraitsPanels'
import { initialDay } from './scored-days'
import { zonedDayBounds, type DaySpan } from '../../zoned-day'

/** `#/users/<name>[?day=YYYY-MM-DD]`: everything known about one user, one scored day at a time. */
export function UserPage({ user }: { user: string }) {
  const { theme } = useTheme()
  const detail = useUserDetail(user)
  const activity = useUserActivity(user)
  // Days brushed on the timeline: the logs and the heatmap narrow to them.
  const [span, setSpan] = useState<DaySpan | null>(null)
  const heatmap = useUserHeatmap(user, span)
  const pinned = usePinnedEvents(user)
  const requestedDay = useRouteQuery().day
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  // A link to this same page with another day (the command palette, an alert) moves the selection.
  const [followedDay, setFollowedDay] = useState(requestedDay)
  if (requestedDay !== followedDay) {
    setFollowedDay(requestedDay)
    setChosen(requestedDay)
  }

  function select(date: string): void {
    setChosen(date)
    replaceRouteQuery({ day: date })
  }

  if (detail.error) {
    return (
      <div className="page user-page">
        <h1>{user}</h1>
        {detail.error.code === 'not_found' ? (
          <EmptyState title={`No scored user named ‘${user}’`}>
            The user has no scored days in this workspace. <a href={routeHref('users')}>Back to the ranking</a>
          </EmptyState>
        ) : (
          <ErrorBanner error={detail.error} title="Could not load the user" onRetry={detail.reload} />
        )}
      </div>
    )
  }
  if (!detail.data) {
    return (
      <div className="page user-page">
        <h1>{user}</h1>
        <Loading label={`Loading ${user}`} lines={10} />
      </div>
    )
  }

  const data = detail.data
  const selected = initialDay(data.days, chosen ?? requestedDay, data.user.topDate)
  const day = data.days.find((candidate) => candidate.date === selected)
  return (
    <div className="page user-page">
      <UserHeader detail={data} onSelectDay={select} />
      <UserActivityPanel days={data.days} activity={activity} selected={selected} onSelect={select} theme={theme} pinned={pinned.data?.items} span={span} onSpan={setSpan} />
      <UserDayPanel day={day} actions={day ? <DayToCase key={day.date} user={user} date={day.date} timeZone={activity.data?.timeZone} /> : undefined} />
      <div className="user-grid">
        <UserOceanPanel detail={data} theme={theme} />
        <UserHeatmapPanel heatmap={heatmap} spanned={span !== null} theme={theme} />
      </div>
      <UserLogsPanel user={user} day={selected} span={span} timeZone={activity.data?.timeZone} />
    </div>
  )
}

/** Adds the selected day, midnight to midnight in the workspace's time zone, to a case as a time range. */
function DayToCase({ user, date, timeZone }: { user: string; date: string; timeZone: string | undefined }) {
  if (timeZone === undefined) return null
  const subject = `${user} on ${date}`
  return <AddToCase evidence={{ kind: 'range', user, ...zonedDayBounds(date, timeZone), label: subject }} label="Add day to case" subject={subject} />
}
