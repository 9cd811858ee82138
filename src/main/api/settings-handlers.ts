import { analystName } from '../cases/analyst'
import type { ArgusHandlers } from '../../shared/contract'
import { ArgusError } from '../../shared/errors'
import { canonicalTimeZone } from '../../shared/time-zone'
import { defaultRules } from '../scoring/rules-default'
import { appendAudit } from '../store/queries/audit'
import { forgetRuleSet } from '../store/queries/rule-set'
import { workspaceInfo } from '../store/queries/workspace'
import { setDefaultYear, setTimeZone } from '../store/queries/workspace-settings'
import type { EngineContext } from './handlers'
import { writeTransaction } from '../store/write-transaction'

export type SettingsHandlers = Pick<ArgusHandlers, 'workspace:setTimeZone' | 'workspace:setDefaultYear' | 'scoring:resetRules'>

/** Workspace settings from the Settings screen: the time zone, the default syslog year, the default rules. */
export function createSettingsHandlers({ workspace, scoring }: Pick<EngineContext, 'workspace' | 'scoring'>): SettingsHandlers {
  const { sqlite } = workspace
  const writable = (): void => {
    if (workspace.readOnly) throw new ArgusError('read_only', 'this workspace is open read-only')
  }
  return {
    async 'workspace:setTimeZone'({ timeZone }) {
      writable()
      // Scored days are calendar days of this zone: every day has to be bucketed and scored again.
      if (setTimeZone(sqlite, canonicalTimeZone(timeZone), analystName(sqlite))) scoring.schedule()
      return workspaceInfo(workspace)
    },
    async 'workspace:setDefaultYear'({ year }) {
      writable()
      // Only later imports read it: events already stored keep the year they were given.
      setDefaultYear(sqlite, year, analystName(sqlite))
      return workspaceInfo(workspace)
    },
    async 'scoring:resetRules'() {
      writable()
      writeTransaction(sqlite, () => {
        // Forgotten rather than copied, so the workspace follows the built-in rules as they improve.
        forgetRuleSet(sqlite)
        appendAudit(sqlite, { actor: analystName(sqlite), action: 'settings.rules.reset', details: { rules: defaultRules.map((rule) => rule.id) } })
      })
      scoring.schedule()
      return { rules: [...defaultRules] }
    },
  }
}
