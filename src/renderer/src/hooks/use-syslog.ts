import { useCallback, useState } from 'react'
import type { ApiInput, SyslogStatus } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import { asArgusError, call } from '../api/client'
import { useCall } from './use-call'
import { useEvent } from './use-event'

export interface SyslogControl {
  status: SyslogStatus | undefined
  error: ArgusError | undefined
  busy: boolean
  start(options: ApiInput<'syslog:start'>): void
  stop(): void
}

/** The live listener's status (pushed while it runs) and the calls that start and stop it. */
export function useSyslog(): SyslogControl {
  const initial = useCall('syslog:status', {})
  const [pushed, setPushed] = useState<SyslogStatus | undefined>(undefined)
  const [error, setError] = useState<ArgusError | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  useEvent('syslog:status', setPushed)

  const act = useCallback((work: () => Promise<SyslogStatus>) => {
    setBusy(true)
    setError(undefined)
    work().then(
      (status) => {
        setPushed(status)
        setBusy(false)
      },
      (failure: unknown) => {
        setError(asArgusError(failure))
        setBusy(false)
      },
    )
  }, [])

  return {
    status: pushed ?? initial.data,
    error: error ?? initial.error,
    busy,
    start: (options) => act(() => call('syslog:start', options)),
    stop: () => act(() => call('syslog:stop', {})),
  }
}
