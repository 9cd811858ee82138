export interface LoadingProps {
  /** Read to screen readers: "Loading events". */
  label?: string
  /** Placeholder lines to draw. */
  lines?: number
}

export function Loading({ label = 'Loading', lines = 3 }: LoadingProps) {
  return (
    <div className="skeleton" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  )
}
