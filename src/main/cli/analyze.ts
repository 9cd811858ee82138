import { analyzedUsers } from '../store/queries/scores'
import { openEngine } from '../api/engine'
import { exitCode, importPaths } from './ingest'

/**
 * `argus analyze PATH…`: imports, scores the workspace and ranks its users. With --json it prints
 * exactly one JSON document (the shape is part of the CLI's contract; see the README).
 */
export async function runAnalyze(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const engine = await openEngine({ workspacePath: String(values.db), door: 'cli', workerThreads: 1 })
  try {
    const summary = await importPaths(engine, values, positionals)
    const scoring = await engine.scoring.run()
    const users = analyzedUsers(engine.workspace.sqlite)
    const files = summary.files.map((file) => ({
      path: file.entry ? `${file.path}!/${file.entry}` : file.path,
      format: file.format,
      events: file.events,
      rejected: file.rejects,
      ...(file.error ? { error: file.error } : {}),
    }))
    if (values.json === true) {
      console.log(JSON.stringify({ events: summary.events, rejected: summary.rejects, files, users }))
    } else {
      for (const file of files) console.log(`${file.path}: ${file.format ?? 'unknown format'}, ${file.events} events, ${file.rejected} rejected${file.error ? ` (${file.error})` : ''}`)
      console.log(`${summary.events} events imported, ${summary.rejects} lines rejected; ${scoring.userDays} user-days of ${scoring.users} users scored, ${scoring.alerts} alerts\n`)
      console.log(`${'risk'.padEnd(6)} ${'severity'.padEnd(8)} ${'user'.padEnd(24)} top anomaly types`)
      for (const user of users.slice(0, 25)) {
        console.log(`${user.risk.toFixed(2).padEnd(6)} ${user.severity.padEnd(8)} ${user.user.padEnd(24)} ${user.types.slice(0, 4).join(', ')}`)
      }
      if (users.length > 25) console.log(`… and ${users.length - 25} more (argus call users:listRisky)`)
    }
    return exitCode(summary)
  } finally {
    await engine.close()
  }
}
