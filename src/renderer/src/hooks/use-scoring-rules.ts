import { useCallback, useState } from 'react'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'
import { useCall } from './use-call'

/** A rule as the engine stores it: plain JSON, validated by the engine when the set is saved. */
export type RuleData = Record<string, unknown>

export type RulesSaveResult = { ok: true; rules: readonly RuleData[] } | { ok: false; error: ArgusError }

export interface ScoringRulesControl {
  /** The saved rule set (after the last successful save). */
  rules: readonly RuleData[] | undefined
  loadError: ArgusError | undefined
  reload: () => void
  busy: boolean
  /** Replaces the whole rule set; the engine validates it, stores it, audits it and rescores. */
  save: (rules: readonly RuleData[]) => Promise<RulesSaveResult>
  /** Goes back to the built-in rule set (audited and rescored the same way). */
  restoreDefaults: () => Promise<RulesSaveResult>
}

/** The rules detector's rule set and the call that replaces it. */
export function useScoringRules(): ScoringRulesControl {
  const loaded = useCall('scoring:rules', {})
  const [saved, setSaved] = useState<readonly RuleData[] | undefined>(undefined)
  const [busy, setBusy] = useState(false)

  const replace = useCallback(async (work: () => Promise<{ rules: RuleData[] }>): Promise<RulesSaveResult> => {
    setBusy(true)
    try {
      const answer = await work()
      setSaved(answer.rules)
      return { ok: true, rules: answer.rules }
    } catch (error) {
      return { ok: false, error: asArgusError(error) }
    } finally {
      setBusy(false)
    }
  }, [])

  return {
    rules: saved ?? loaded.data?.rules,
    loadError: loaded.error,
    reload: loaded.reload,
    busy,
    save: (rules) => replace(() => call('scoring:setRules', { rules: [...rules] })),
    restoreDefaults: () => replace(() => call('scoring:resetRules', {})),
  }
}
