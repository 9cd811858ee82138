import { useState } from 'react'
import type { ArgusError } from '../../../../shared/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import type { RulesSaveResult } from '../../hooks/use-scoring-rules'

export interface RulesRestoreProps {
  /** Rules in the workspace's set now, which the restore replaces. */
  count: number
  disabled: boolean
  onRestore: () => Promise<RulesSaveResult>
}

/** "Restore default rules", asking once more first: the analyst's own rules are not kept. */
export function RulesRestore({ count, disabled, onRestore }: RulesRestoreProps) {
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<ArgusError | undefined>(undefined)

  async function restore(): Promise<void> {
    setConfirming(false)
    const result = await onRestore()
    setError(result.ok ? undefined : result.error)
  }

  return (
    <>
      {confirming ? (
        <>
          <span className="hint">Replace the {count} rules here with the built-in set?</span>
          <button type="button" className="button button-danger" onClick={() => void restore()} disabled={disabled}>
            Restore the defaults
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            Keep these rules
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={disabled}>
          Restore default rules
        </button>
      )}
      {error ? <ErrorBanner title="The default rules were not restored" error={error} /> : null}
    </>
  )
}
