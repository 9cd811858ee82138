import type { ReactNode } from 'react'

export interface PageHeaderProps {
  title: string
  description?: ReactNode
}

export function PageHeader({ title, description }: PageHeaderProps) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {description === undefined ? null : <p className="page-description">{description}</p>}
    </header>
  )
}
