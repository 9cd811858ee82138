import { Panel } from '../../components/Panel'
import { PageHeader } from '../../components/PageHeader'
import { filesFromInput } from '../../dropped-files'
import { useCall } from '../../hooks/use-call'
import { useImportIntake } from '../../hooks/use-import-intake'
import { useImportJobs } from '../../hooks/use-import-jobs'
import { ActiveJobs } from './ActiveJobs'
import { DropZone } from './DropZone'
import { FinishedJobs } from './FinishedJobs'
import { ImportOptionsPanel } from './ImportOptionsPanel'
import { ImportsPanel } from './ImportsPanel'

export interface ImportPageProps {
  /** Files are being dragged over the window. */
  dragging: boolean
}

export function ImportPage({ dragging }: ImportPageProps) {
  const intake = useImportIntake()
  const jobs = useImportJobs()
  const workspace = useCall('workspace:info', {})
  const readOnly = workspace.data?.readOnly === true
  const dismissAll = (): void => {
    for (const job of jobs.finished) jobs.dismiss(job.progress.jobId)
  }

  return (
    <div className="page page-import">
      <PageHeader
        title="Import"
        description="Each file is imported whole or not at all; a file imported before is recognised and skipped."
      />
      <DropZone
        dragging={dragging}
        disabledReason={readOnly ? 'This workspace is open read-only, so nothing can be imported into it.' : undefined}
        onFiles={(files) => intake.importFiles(filesFromInput(files))}
      />
      <ImportOptionsPanel />
      <Panel title="Running">
        <ActiveJobs
          intakes={intake.intakes}
          jobs={jobs.active}
          loading={jobs.loading}
          error={jobs.error}
          onReload={jobs.reload}
          onCancelJob={jobs.cancel}
          onCancelIntake={intake.cancelIntake}
        />
      </Panel>
      {jobs.finished.length === 0 ? null : (
        <Panel
          title="Finished"
          aside={
            <button type="button" className="button button-quiet" onClick={dismissAll}>
              Dismiss all
            </button>
          }
        >
          <FinishedJobs jobs={jobs.finished} onDismiss={jobs.dismiss} />
        </Panel>
      )}
      <ImportsPanel />
    </div>
  )
}
