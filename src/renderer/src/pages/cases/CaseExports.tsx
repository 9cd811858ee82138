import { useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useDownload } from '../../hooks/use-download'

type ExportChoice = { label: string } & (
  | { channel: 'reports:case'; format: 'html' | 'pdf' }
  | { channel: 'exports:alerts' | 'exports:events'; format: 'csv' | 'json' }
)

const choices: readonly ExportChoice[] = [
  { label: 'Report (HTML)', channel: 'reports:case', format: 'html' },
  { label: 'Report (PDF)', channel: 'reports:case', format: 'pdf' },
  { label: 'Alerts CSV', channel: 'exports:alerts', format: 'csv' },
  { label: 'Alerts JSON', channel: 'exports:alerts', format: 'json' },
  { label: 'Events CSV', channel: 'exports:events', format: 'csv' },
  { label: 'Events JSON', channel: 'exports:events', format: 'json' },
]

/** The case as a self-contained report, and its alerts and events as CSV or JSON, saved as files. */
export function CaseExports({ caseId }: { caseId: number }) {
  const downloads = useDownload()
  const [busy, setBusy] = useState<string | undefined>(undefined)

  async function save(choice: ExportChoice): Promise<void> {
    setBusy(choice.label)
    if (choice.channel === 'reports:case') await downloads.download(choice.channel, { caseId, format: choice.format })
    else await downloads.download(choice.channel, { caseId, format: choice.format })
    setBusy(undefined)
  }

  return (
    <div className="case-exports" role="group" aria-label="Export">
      {choices.map((choice) => (
        <button key={choice.label} type="button" className="button" disabled={busy !== undefined} onClick={() => void save(choice)}>
          {busy === choice.label ? 'Preparing…' : choice.label}
        </button>
      ))}
      {downloads.error ? <ErrorBanner title="Could not export" error={downloads.error} /> : null}
    </div>
  )
}
