import type { ReactNode } from 'react'

export interface EmptyStateProps {
  title: string
  /** Why it is empty and what would fill it. */
  children?: ReactNode
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children === undefined ? null : <div className="empty-state-body">{children}</div>}
    </div>
  )
}
