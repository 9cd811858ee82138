import type { Tag } from '../../../shared/case-schemas'
import type { ArgusError } from '../../../shared/errors'
import { useAction } from './use-action'
import { useCallAfterChanges } from './use-changes'

export type TagTarget = Tag['target']

export interface TagsState {
  tags: readonly string[]
  loading: boolean
  /** Why loading, adding or removing failed. */
  error: ArgusError | undefined
  pending: boolean
  add: (tag: string) => void
  remove: (tag: string) => void
}

/** The tags on one event, alert or user (`item`: the id as a decimal string, or the user name). */
export function useTags(target: TagTarget, item: string): TagsState {
  const listed = useCallAfterChanges('tags:list', { target, key: item })
  const action = useAction()
  return {
    tags: (listed.data?.items ?? []).map((tag) => tag.tag),
    loading: listed.loading && listed.data === undefined,
    error: action.error ?? listed.error,
    pending: action.pending,
    add: (tag) => void action.run('tags:add', { target, key: item, tag }),
    remove: (tag) => void action.run('tags:remove', { target, key: item, tag }),
  }
}
