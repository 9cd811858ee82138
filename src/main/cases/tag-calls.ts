import type { ArgusHandlers } from '../../shared/contract'
import type { Workspace } from '../store/database'
import { addTag, listTags, removeTag, tagKeyOf } from '../store/queries/tags'
import { recordChange } from './audited'

export type TagCalls = Pick<ArgusHandlers, Extract<keyof ArgusHandlers, `tags:${string}`>>

export function createTagCalls(workspace: Workspace): TagCalls {
  const { sqlite } = workspace
  return {
    async 'tags:list'({ target, key }) {
      return { items: listTags(sqlite, target, key === undefined ? undefined : tagKeyOf(sqlite, target, key, false)) }
    },
    async 'tags:add'({ target, key, tag }) {
      return recordChange(workspace, 'tag.add', (author, now) => {
        const stored = tagKeyOf(sqlite, target, key, true)
        const { value, added } = addTag(sqlite, target, stored, tag, author, now)
        return { value, details: added ? { target, key: stored, tag } : null }
      })
    },
    async 'tags:remove'({ target, key, tag }) {
      return recordChange(workspace, 'tag.remove', () => {
        const stored = tagKeyOf(sqlite, target, key, false)
        const removed = removeTag(sqlite, target, stored, tag)
        return { value: { removed }, details: removed ? { target, key: stored, tag } : null }
      })
    },
  }
}
