import { useEffect } from 'react'
import type { AuditCheck, AuditEntryRow } from '../../../shared/case-schemas'
import { call } from '../api/client'
import type { CallState } from './use-call'
import { useCallAfterChanges, useChanges } from './use-changes'
import { useEvent } from './use-event'
import { useKeysetPages, type KeysetPagesState } from './use-keyset-pages'

/**
 * The audit chain's verification, done again after every change this window makes, after imports
 * and scoring runs, and whenever the window regains focus: someone may have edited the file
 * with another tool meanwhile, which is exactly what the check is for.
 */
export function useAuditCheck(): CallState<AuditCheck> {
  const state = useCallAfterChanges('audit:verify', {})
  const { reload } = state
  useEvent('ingest:finished', reload)
  useEvent('scoring:finished', reload)
  useEvent('workspace:changed', reload)
  useEffect(() => {
    window.addEventListener('focus', reload)
    return () => window.removeEventListener('focus', reload)
  }, [reload])
  return state
}

/** The audit trail, a page at a time, in the engine's order (newest first). */
export function useAuditLog(pageSize = 200): KeysetPagesState<AuditEntryRow> {
  const pages = useKeysetPages<AuditEntryRow, number>(`audit ${pageSize}`, (cursor) => call('audit:list', { limit: pageSize, cursor }))
  useChanges(pages.reload)
  return pages
}
