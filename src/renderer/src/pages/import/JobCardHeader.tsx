import type { ReactNode } from 'react'

/** The first line of an import job's card: its state, what was dropped, its number, and an action. */
export function JobCardHeader({ status, tone, label, paths, jobId, children }: { status: string; tone: string; label: string; paths: readonly string[]; jobId: number; children: ReactNode }) {
  return (
    <div className="job-card-header">
      <span className={`status status-${tone}`}>{status}</span>
      <span className="job-title" title={paths.join('\n') || label}>
        {label}
      </span>
      <span className="muted numeric">#{jobId}</span>
      {children}
    </div>
  )
}
