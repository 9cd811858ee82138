import type { UserDetail } from '../../../../shared/scoring-schemas'
import { EmptyState } from '../../components/EmptyState'
import { OceanRadar } from '../../components/OceanRadar'
import { Panel } from '../../components/Panel'

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
