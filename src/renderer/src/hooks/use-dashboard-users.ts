import { useCallback, useEffect, useState } from 'react'
import type { ApiOutput } from '../../../shared/contract'
import type { ArgusError } from '../../../shared/errors'
import type { UserRisk } from '../../../shared/scoring-schemas'
import type { Severity } from '../../../shared/severity'
import { asArgusError, call } from '../api/client'
import { useEvent } from './use-event'

export interface DashboardUsers {
  /** The riskiest users, riskiest first. */
  top: readonly UserRisk[]
  /** Scored users counted (all of them unless `capped`). */
  count: number
  bySeverity: Readonly<Record<Severity, number>>
  /** More users exist than were counted. */
  capped: boolean
}

export interface DashboardUsersState {
  users: DashboardUsers | undefined
  error: ArgusError | undefined
  loading: boolean
  reload: () => void
}

const pageSize = 1000
/** No call counts users, so the ranking is read page by page (keeping only counts) up to this many. */
export const maxUsersCounted = 50_000

async function readUsers(topCount: number, isCurrent: () => boolean): Promise<DashboardUsers | undefined> {
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 }
  let top: UserRisk[] = []
  let cursor: { risk: number; user: string } | null = null
  let count = 0
  do {
    const page: ApiOutput<'users:listRisky'> = await call('users:listRisky', { limit: pageSize, cursor })
    if (!isCurrent()) return undefined
    if (count === 0) top = page.items.slice(0, topCount)
    for (const user of page.items) bySeverity[user.severity] += 1
    count += page.items.length
    cursor = page.nextCursor
  } while (cursor !== null && count < maxUsersCounted)
  return { top, count, bySeverity, capped: cursor !== null }
}

interface Settled {
  attempt: number
  users: DashboardUsers | undefined
  error: ArgusError | undefined
}

/** The top of the risk ranking and how many users are scored, refreshed after each scoring run. */
export function useDashboardUsers(topCount = 10): DashboardUsersState {
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<Settled | undefined>(undefined)

  useEffect(() => {
    let current = true
    readUsers(topCount, () => current).then(
      (users) => {
        if (current && users) setSettled({ attempt, users, error: undefined })
      },
      (error: unknown) => {
        if (current) setSettled((previous) => ({ attempt, users: previous?.users, error: asArgusError(error) }))
      },
    )
    return () => {
      current = false
    }
  }, [attempt, topCount])

  const reload = useCallback(() => setAttempt((previous) => previous + 1), [])
  useEvent('scoring:finished', reload)

  return {
    users: settled?.users,
    error: settled?.attempt === attempt ? settled.error : undefined,
    loading: settled?.attempt !== attempt,
    reload,
  }
}
