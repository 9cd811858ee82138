import { useCallback, useState } from 'react'
import type { ApiInput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'

export interface WorkspaceSettingsControl {
  busy: boolean
  /** Resolve with why the engine refused, or undefined once saved. */
  saveTimeZone: (timeZone: string) => Promise<ArgusError | undefined>
  saveDefaultYear: (year: number | null) => Promise<ArgusError | undefined>
}

/** Saving the workspace's time zone and default syslog year; `onSaved` runs after each change the engine accepted. */
export function useWorkspaceSettings(onSaved: () => void): WorkspaceSettingsControl {
  const [busy, setBusy] = useState(false)

  const save = useCallback(
    async <K extends 'workspace:setTimeZone' | 'workspace:setDefaultYear'>(channel: K, input: ApiInput<K>): Promise<ArgusError | undefined> => {
      setBusy(true)
      try {
        await call(channel, input)
        onSaved()
        return undefined
      } catch (error) {
        return asArgusError(error)
      } finally {
        setBusy(false)
      }
    },
    [onSaved],
  )

  return {
    busy,
    saveTimeZone: (timeZone) => save('workspace:setTimeZone', { timeZone }),
    saveDefaultYear: (year) => save('workspace:setDefaultYear', { year }),
  }
}
