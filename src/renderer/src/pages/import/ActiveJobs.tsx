import type { ArgusError } from '../../../../shared/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { formatBytes, formatCount } from '../../format'
import type { ImportJob } from '../../hooks/use-import-jobs'
import type { Intake } from '../../hooks/use-import-intake'
import { JobCardHeader } from './JobCardHeader'
import { describeEntry, describePaths } from './paths'

export interface ActiveJobsProps {
  intakes: readonly Intake[]
  jobs: readonly ImportJob[]
  /** The engine's list of jobs has not answered yet. */
  loading: boolean
  error: ArgusError | undefined
  onReload: () => void
  onCancelJob: (jobId: number) => void
  onCancelIntake: (id: number) => void
}

/** Uploads and imports under way, each with a progress bar and a way to stop it. */
export function ActiveJobs({ intakes, jobs, loading, error, onReload, onCancelJob, onCancelIntake }: ActiveJobsProps) {
  if (intakes.length === 0 && jobs.length === 0) {
    if (error) return <ErrorBanner title="Could not list running imports" error={error} onRetry={onReload} />
    if (loading) return <Loading label="Looking for running imports" lines={2} />
    return <p className="muted">Nothing is importing right now.</p>
  }
  return (
    <ul className="job-list">
      {intakes.map((intake) => (
        <IntakeCard key={`intake ${intake.id}`} intake={intake} onCancel={() => onCancelIntake(intake.id)} />
      ))}
      {jobs.map((job) => (
        <JobCard key={job.progress.jobId} job={job} onCancel={() => onCancelJob(job.progress.jobId)} />
      ))}
    </ul>
  )
}

function IntakeCard({ intake, onCancel }: { intake: Intake; onCancel: () => void }) {
  const uploading = intake.phase === 'uploading' && intake.total > 0
  const failed = intake.phase === 'failed'
  return (
    <li className={failed ? 'job-card job-card-failed' : 'job-card'}>
      <div className="job-card-header">
        <span className={`status status-${failed ? 'failed' : 'queued'}`}>{intake.phase}</span>
        <span className="job-title" title={intake.label}>
          {intake.label}
        </span>
        <button type="button" className="button" onClick={onCancel} aria-label={`${failed ? 'Dismiss' : 'Cancel'} ${intake.label}`}>
          {failed ? 'Dismiss' : 'Cancel'}
        </button>
      </div>
      {failed && intake.error ? (
        <p className="job-error" role="alert">
          Could not start the import: {intake.error.message}
        </p>
      ) : (
        <>
          <progress
            className="job-progress"
            max={uploading ? intake.total : undefined}
            value={uploading ? intake.sent : undefined}
            aria-label={`Upload of ${intake.label}`}
          />
          <p className="job-stats">
            {uploading
              ? `Uploading ${describeBytes(intake.sent, intake.total)}`
              : intake.phase === 'reading'
                ? 'Reading the dropped files and folders…'
                : 'Starting the import…'}
          </p>
        </>
      )}
    </li>
  )
}

function JobCard({ job, onCancel }: { job: ImportJob; onCancel: () => void }) {
  const { progress } = job
  const label = job.label ?? describePaths(progress.paths)
  const measured = progress.state === 'running' && progress.bytesTotal > 0
  return (
    <li className="job-card">
      <JobCardHeader status={progress.state} tone={progress.state} label={label} paths={progress.paths} jobId={progress.jobId}>
        <button
          type="button"
          className="button"
          onClick={onCancel}
          disabled={job.cancelling}
          aria-label={`Cancel the import of ${label}`}
        >
          {job.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </JobCardHeader>
      <progress
        className="job-progress"
        max={measured ? progress.bytesTotal : undefined}
        value={measured ? Math.min(progress.bytesDone, progress.bytesTotal) : undefined}
        aria-label={`Import of ${label}`}
      />
      <dl className="job-figures">
        <Figure label="Read">
          {measured
            ? describeBytes(progress.bytesDone, progress.bytesTotal)
            : progress.state === 'queued'
              ? 'waiting for the import before it'
              : 'starting'}
        </Figure>
        <Figure label="Events">{formatCount(progress.events)}</Figure>
        <Figure label="Rejects">{formatCount(progress.rejects)}</Figure>
        <Figure label="Rate">{`${formatCount(Math.round(progress.eventsPerSecond))} events/s`}</Figure>
        <Figure label="Files done">{formatCount(progress.filesDone)}</Figure>
      </dl>
      {progress.currentEntry === null ? null : (
        <p className="job-current" title={progress.currentEntry}>
          <span className="muted">Now reading </span>
          <span className="mono">{describeEntry(progress.currentEntry, progress.paths)}</span>
        </p>
      )}
      {job.cancelError ? (
        <p className="job-error" role="alert">
          Could not cancel: {job.cancelError.message}
        </p>
      ) : null}
    </li>
  )
}

function Figure({ label, children }: { label: string; children: string }) {
  return (
    <div className="job-figure">
      <dt>{label}</dt>
      <dd className="numeric">{children}</dd>
    </div>
  )
}

/** '12.0 MiB of 40.0 MiB · 30 %'; rounded down, so 100 % means every byte. */
function describeBytes(done: number, total: number): string {
  const percent = Math.floor((Math.min(done, total) / total) * 100)
  return `${formatBytes(done)} of ${formatBytes(total)} · ${percent} %`
}
