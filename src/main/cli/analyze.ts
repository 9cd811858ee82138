import { openEngine } from '../api/engine'
import { exitCode, importPaths } from './ingest'

/**
 * `argus analyze PATH…`: imports, then (once scoring lands) scores and ranks users. With --json
 * it prints exactly one JSON document.
 */
export async function runAnalyze(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const engine = await openEngine({ workspacePath: String(values.db), door: 'cli', workerThreads: 1 })
  try {
    const summary = await importPaths(engine, values, positionals)
    const document = {
      events: summary.events,
      rejected: summary.rejects,
      files: summary.files.map((file) => ({
        path: file.entry ? `${file.path}!/${file.entry}` : file.path,
        format: file.format,
        events: file.events,
        rejected: file.rejects,
        ...(file.error ? { error: file.error } : {}),
      })),
      users: [],
    }
    if (values.json === true) console.log(JSON.stringify(document))
    else {
      for (const file of document.files) console.log(`${file.path}: ${file.format ?? 'unknown format'}, ${file.events} events, ${file.rejected} rejected${file.error ? ` (${file.error})` : ''}`)
      console.log(`${document.events} events imported, ${document.rejected} lines rejected`)
    }
    process.stderr.write('argus: user scoring is not available yet in this build; events were imported only\n')
    return exitCode(summary)
  } finally {
    await engine.close()
  }
}
