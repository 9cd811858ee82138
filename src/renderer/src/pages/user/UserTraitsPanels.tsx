import type { UserDetail } from '../../../../shared/scoring-schemas'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { HeatmapWeekHour } from '../../components/HeatmapWeekHour'
import { Loading } from '../../components/Loading'
import { OceanRadar } from '../../components/OceanRadar'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../format'
import { heatmapSampleLimit, type UserHeatmapState } from '../../hooks/use-user-heatmap'

/** The OCEAN radar, or why there is none yet. */
export function UserOceanPanel({ detail, theme }: { detail: UserDetail; theme: 'dark' | 'light' }) {
  const { ocean } = detail
  return (
    <Panel
      title="OCEAN profile"
      aside={
        ocean ? (
          <span className="user-drift" title="Distance from the baseline period to the recent one, in each trait’s risky direction">
            Drift <strong>{ocean.drift.toFixed(2)}</strong>
          </span>
        ) : undefined
      }
    >
      {ocean ? (
        <OceanRadar ocean={ocean} psychometric={detail.profile.psychometric} theme={theme} />
      ) : (
        <EmptyState title="No OCEAN profile yet">
          The radar needs 14 days of history for this user: a baseline period and a recent one to compare.
        </EmptyState>
      )}
    </Panel>
  )
}

/** When in the week the user is active, from their newest events. */
export function UserHeatmapPanel({ heatmap, timeZone, theme }: { heatmap: UserHeatmapState; timeZone: string | undefined; theme: 'dark' | 'light' }) {
  const data = heatmap.data
  return (
    <Panel title="Hour of day × weekday">
      {heatmap.error ? (
        <ErrorBanner error={heatmap.error} title="Could not count the user’s events" />
      ) : !data ? (
        <Loading label="Counting the user’s events" lines={6} />
      ) : data.sampled === 0 ? (
        <EmptyState title="No events for this user" />
      ) : (
        <>
          <HeatmapWeekHour counts={data.counts} theme={theme} />
          <p className="user-caption">
            {data.truncated
              ? `The user’s newest ${formatCount(data.sampled)} events (at most ${formatCount(heatmapSampleLimit)} are counted)`
              : `All ${formatCount(data.sampled)} of the user’s events`}
            {data.from !== null && data.to !== null ? `, ${dateIn(data.from, timeZone)} to ${dateIn(data.to, timeZone)}` : ''}
            ; hours in {timeZone ?? 'the workspace time zone'}.
          </p>
        </>
      )}
    </Panel>
  )
}

/** YYYY-MM-DD on the wall clock of `timeZone` (UTC when unknown). */
function dateIn(epochMs: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs)
}
