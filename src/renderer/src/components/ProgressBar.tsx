export interface ProgressBarProps {
  label: string
  /** Both undefined: the work has started but reported nothing yet. */
  done?: number | undefined
  total?: number | undefined
}

export function ProgressBar({ label, done, total }: ProgressBarProps) {
  const known = done !== undefined && total !== undefined && total > 0
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : undefined
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        {known ? <span className="numeric">{`${done} / ${total}`}</span> : null}
      </div>
      <div
        className={known ? 'progress-track' : 'progress-track progress-indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  )
}
