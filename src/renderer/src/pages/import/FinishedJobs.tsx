import type { ImportFileResult } from '../../../../shared/contract'
import { formatCount } from '../../format'
import type { ImportJob } from '../../hooks/use-import-jobs'
import { JobCardHeader } from './JobCardHeader'
import { describePaths, displayPath } from './paths'

export interface FinishedJobsProps {
  jobs: readonly ImportJob[]
  onDismiss: (jobId: number) => void
}

/** What each finished job did, file by file: imported, already there, or why not. */
export function FinishedJobs({ jobs, onDismiss }: FinishedJobsProps) {
  return (
    <ul className="job-list">
      {jobs.map((job) => (
        <FinishedJob key={job.progress.jobId} job={job} onDismiss={() => onDismiss(job.progress.jobId)} />
      ))}
    </ul>
  )
}

// Problems first: in a folder of a thousand files the three that failed are what matters.
const fileOrder: Record<ImportFileResult['status'], number> = { failed: 0, cancelled: 1, duplicate: 2, done: 3 }
const fileStatusLabels: Record<ImportFileResult['status'], string> = {
  done: 'imported',
  failed: 'failed',
  cancelled: 'cancelled',
  duplicate: 'duplicate',
}

function FinishedJob({ job, onDismiss }: { job: ImportJob; onDismiss: () => void }) {
  const { progress, summary } = job
  const label = job.label ?? describePaths(progress.paths)
  const files = [...(summary?.files ?? [])].sort((a, b) => fileOrder[a.status] - fileOrder[b.status])
  const outcome = jobOutcome(progress.state, files)
  return (
    <li className={`job-card job-card-${outcome.tone}`}>
      <JobCardHeader status={outcome.label} tone={outcome.tone} label={label} paths={progress.paths} jobId={progress.jobId}>
        <button
          type="button"
          className="button button-quiet"
          onClick={onDismiss}
          aria-label={`Dismiss the summary of ${label}`}
        >
          Dismiss
        </button>
      </JobCardHeader>
      <p className="job-stats">
        {`${counted(summary?.events ?? progress.events, 'event')}, `}
        {counted(summary?.rejects ?? progress.rejects, 'rejected line')}
        {summary ? ` · ${countFiles(files)}` : ''}
      </p>
      {summary?.error ? (
        <p className="job-error" role="alert">
          The import stopped: {summary.error}
        </p>
      ) : null}
      {summary === undefined ? (
        // The summary follows the final progress event by a moment, and is lost if the event
        // stream dropped; the imports table has every file either way.
        <p className="muted">Per-file results have not arrived; every file is also listed under Imports.</p>
      ) : files.length === 0 ? (
        <p className="muted">No files were found in what was dropped.</p>
      ) : (
        <div className="table-scroll job-files">
          <table className="data-table">
            <caption className="visually-hidden">Files of import job {progress.jobId}</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Format</th>
                <th scope="col">Result</th>
                <th scope="col" className="numeric">
                  Events
                </th>
                <th scope="col" className="numeric">
                  Rejects
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file, index) => (
                <FileRow key={`${file.path} ${file.entry ?? ''} ${index}`} file={file} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  )
}

/**
 * The job's state says whether it ran to the end; a job that ran to the end with every file
 * refused imported nothing, and should not read as a plain "done".
 */
function jobOutcome(state: ImportJob['progress']['state'], files: readonly ImportFileResult[]) {
  if (state !== 'done') return { label: state, tone: state }
  const failed = files.filter((file) => file.status === 'failed').length
  const duplicates = files.filter((file) => file.status === 'duplicate').length
  if (files.length > 0 && duplicates === files.length) return { label: 'nothing new', tone: 'cancelled' }
  if (failed === 0) return { label: 'done', tone: 'done' }
  if (failed === files.length) return { label: 'nothing imported', tone: 'failed' }
  return { label: 'done with errors', tone: 'partial' }
}

function FileRow({ file }: { file: ImportFileResult }) {
  const { name, folder } = displayPath(file.path)
  const shown = file.entry === null ? name : `${name} › ${file.entry}`
  return (
    <tr>
      <td className="truncate" title={file.entry === null ? file.path : `${file.path} › ${file.entry}`}>
        <span className="mono">{shown}</span>
        {folder ? <div className="cell-sub">{folder}</div> : null}
      </td>
      <td>{file.format ?? <span className="muted">—</span>}</td>
      <td>
        <span className={`status status-${file.status}`}>{fileStatusLabels[file.status]}</span>
      </td>
      <td className="numeric">{file.status === 'done' ? formatCount(file.events) : '—'}</td>
      <td className="numeric">{file.status === 'done' ? formatCount(file.rejects) : '—'}</td>
      <td className={file.status === 'failed' ? 'cell-problem' : undefined}>{fileNote(file)}</td>
    </tr>
  )
}

function fileNote(file: ImportFileResult): string {
  if (file.status === 'duplicate') {
    return file.duplicateOf === null ? 'already imported' : `already imported as #${file.duplicateOf}`
  }
  return file.error ?? ''
}

const countedStatuses: readonly [ImportFileResult['status'], string][] = [
  ['done', 'imported'],
  ['duplicate', 'already imported'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
]

function countFiles(files: readonly ImportFileResult[]): string {
  const parts = countedStatuses.flatMap(([status, label]) => {
    const count = files.filter((file) => file.status === status).length
    return count === 0 ? [] : [`${formatCount(count)} ${label}`]
  })
  return `${counted(files.length, 'file')}: ${parts.join(', ')}`
}

function counted(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`
}
