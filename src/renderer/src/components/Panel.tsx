import { useId, type ReactNode } from 'react'

export interface PanelProps {
  title: string
  /** Right-aligned next to the title: a count, a button. */
  aside?: ReactNode
  children: ReactNode
}

/** A titled section of a page; the heading labels the region for screen readers. */
export function Panel({ title, aside, children }: PanelProps) {
  const headingId = useId()
  return (
    <section className="panel" aria-labelledby={headingId}>
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {aside === undefined ? null : <div className="panel-aside">{aside}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  )
}
