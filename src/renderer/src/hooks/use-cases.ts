import type { Case, CaseDetail } from '../../../shared/case-schemas'
import type { ApiOutput } from '../../../shared/contract'
import { call } from '../api/client'
import type { CallState } from './use-call'
import { useCallAfterChanges, useChanges } from './use-changes'
import { useKeysetPages, type KeysetPagesState } from './use-keyset-pages'

export type CaseStatus = Case['status']

// Spelled out here: the schema module would bring zod into the renderer's bundle.
export const caseStatuses = ['open', 'closed'] as const satisfies readonly CaseStatus[]

/** Cases, most recently changed first as the engine orders them, a page at a time. */
export function useCaseList(status: CaseStatus | undefined, pageSize = 100): KeysetPagesState<Case> {
  const pages = useKeysetPages<Case, number>(`${status ?? 'any'} ${pageSize}`, (cursor) => call('cases:list', { status, limit: pageSize, cursor }))
  useChanges(pages.reload)
  return pages
}

/** The most open cases a picker offers and the dashboard counts; more is a sign to close some. */
export const openCasesLimit = 1000

/** Open cases (one page of up to `openCasesLimit`), for pickers and the dashboard. */
export function useOpenCases(): CallState<ApiOutput<'cases:list'>> {
  return useCallAfterChanges('cases:list', { status: 'open', limit: openCasesLimit })
}

/** One case with its evidence, notes, users, alerts and tags. */
export function useCaseDetail(id: number): CallState<CaseDetail> {
  return useCallAfterChanges('cases:detail', { id })
}

/** A user's events pinned to any case, for the timeline. */
export function usePinnedEvents(user: string): CallState<ApiOutput<'cases:pinnedEvents'>> {
  return useCallAfterChanges('cases:pinnedEvents', { user })
}
