import { useTags, type TagTarget } from '../hooks/use-tags'
import { TagEditor } from './TagEditor'

export interface ItemTagsProps {
  target: TagTarget
  /** The event or alert id as a decimal string, or the user name. */
  item: string
  /** For labels: "alice", "alert #12". */
  subject: string
}

/** The tag editor for one event, alert or user, reading and writing its tags itself. */
export function ItemTags({ target, item, subject }: ItemTagsProps) {
  const tags = useTags(target, item)
  return (
    <TagEditor
      tags={tags.tags}
      subject={subject}
      pending={tags.pending}
      error={tags.error}
      onAdd={tags.add}
      onRemove={tags.remove}
    />
  )
}
