import type { ApiInput } from '../../../shared/contract'
import { saveExportFile } from '../save-file'
import { useAction, type ActionChannel, type ActionState } from './use-action'

/** The calls that answer with a file to save. */
export type DownloadChannel = Extract<ActionChannel, `exports:${string}` | 'reports:case'>

export interface DownloadState extends Pick<ActionState, 'pending' | 'error'> {
  /** Resolves once the file is handed to the browser, or the call failed (see `error`). */
  download: <K extends DownloadChannel>(channel: K, input: ApiInput<K>) => Promise<void>
}

/** Asks the engine for an export or a report and saves the file it answers with. */
export function useDownload(): DownloadState {
  const action = useAction()
  return {
    pending: action.pending,
    error: action.error,
    async download(channel, input) {
      const file = await action.run(channel, input)
      if (file) saveExportFile(file)
    },
  }
}
