import { useEffect, useState } from 'react'
import type { ArgusError } from '../../../shared/errors'
import type { Alert, UserRisk } from '../../../shared/scoring-schemas'
import { asArgusError, call } from '../api/client'

export interface PaletteSearchState {
  /** The text the results belong to (trimmed); lags the typed text while `loading`. */
  query: string
  users: readonly UserRisk[]
  alerts: readonly Alert[]
  /** Typing has not settled yet, or the answers are on their way. */
  loading: boolean
  error: ArgusError | undefined
}

const debounceMs = 150
const userLimit = 6
const alertsPerUser = 3
/** Alerts are looked up for the typed name itself and for this many of the best user matches. */
const alertUsers = 2

interface Answer {
  query: string
  users: readonly UserRisk[]
  alerts: readonly Alert[]
  error?: ArgusError
}

const none: readonly never[] = []

/**
 * Users whose name contains the typed text (riskiest first) and the riskiest alerts of the user
 * it names or of the best matches. Waits until typing pauses; an answer for older text is dropped.
 */
export function usePaletteSearch(text: string): PaletteSearchState {
  const typed = text.trim().slice(0, 256)
  const [query, setQuery] = useState(typed)
  const [answer, setAnswer] = useState<Answer | undefined>(undefined)

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), debounceMs)
    return () => clearTimeout(timer)
  }, [typed])

  useEffect(() => {
    if (query === '') return
    let current = true
    search(query).then(
      (found) => {
        if (current) setAnswer(found)
      },
      (error: unknown) => {
        if (current) setAnswer({ query, users: none, alerts: none, error: asArgusError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [query])

  const settled = answer?.query === query ? answer : undefined
  // The previous text's results stay up while the next ones load, so the list does not flicker empty.
  const shown = typed === '' ? undefined : answer
  return {
    query: shown?.query ?? '',
    users: shown?.users ?? none,
    alerts: shown?.alerts ?? none,
    loading: typed !== '' && (typed !== query || settled === undefined),
    error: settled?.error,
  }
}

async function search(query: string): Promise<Answer> {
  const ranking = await call('users:listRisky', { limit: userLimit, search: query })
  const names = [...new Set([query.toLowerCase(), ...ranking.items.slice(0, alertUsers).map((item) => item.user)])]
  const pages = await Promise.all(names.map((user) => call('alerts:list', { limit: alertsPerUser, user })))
  const alerts = pages.flatMap((page) => page.items).sort((first, second) => second.risk - first.risk || first.id - second.id)
  return { query, users: ranking.items, alerts }
}
