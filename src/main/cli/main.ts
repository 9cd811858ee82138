import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ArgusError } from '../../shared/errors'
import { appVersion } from '../api/version'
import { runAnalyze } from './analyze'
import { openWorkspaceScores } from '../eval/workspace-source'
import { runCall } from './call'
import { runAudit } from './audit'
import { runBackup, runRestore } from './backup'
import { exportOptions, runExport } from './export'
import { evalOptions, evalRunner } from './eval'
import { generateOptions, runGenerate } from './generate'
import { ingestOptions, runIngest } from './ingest'
import { listenOptions, runListen } from './listen'
import { reportOptions, runReport } from './report'
import { runServe } from './serve'
import { helpText, UsageError } from './usage'

export interface Command {
  readonly name: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>
}

const dbOption = { db: { type: 'string', default: 'argus.db' } } as const

/** Every command, as a plain array. */
export const commands: readonly Command[] = [
  {
    name: 'serve',
    options: { ...dbOption, port: { type: 'string' }, host: { type: 'string' }, 'read-only': { type: 'boolean' }, open: { type: 'boolean' } },
    run: runServe,
  },
  { name: 'ingest', options: { ...dbOption, ...ingestOptions }, run: runIngest },
  { name: 'analyze', options: { ...dbOption, ...ingestOptions, json: { type: 'boolean' } }, run: runAnalyze },
  { name: 'listen', options: { ...dbOption, ...listenOptions }, run: runListen },
  { name: 'generate', options: generateOptions, run: runGenerate },
  { name: 'eval', options: { ...dbOption, ...evalOptions }, run: evalRunner(openWorkspaceScores) },
  { name: 'call', options: dbOption, run: runCall },
  { name: 'audit', options: dbOption, run: runAudit },
  { name: 'export', options: { ...dbOption, ...exportOptions }, run: runExport },
  { name: 'report', options: { ...dbOption, ...reportOptions }, run: runReport },
  { name: 'backup', options: { ...dbOption, out: { type: 'string' } }, run: runBackup },
  { name: 'restore', options: dbOption, run: runRestore },
  {
    name: 'version',
    options: {},
    async run() {
      console.log(appVersion)
      return 0
    },
  },
  {
    name: 'help',
    options: {},
    async run() {
      process.stdout.write(helpText)
      return 0
    },
  },
]

/** Runs one command line and returns its exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      process.stdout.write(helpText)
      return name === undefined ? 2 : 0
    }
    if (name === '--version') return await main(['version'])
    const command = commands.find((candidate) => candidate.name === name)
    if (!command) throw new UsageError(`unknown command '${name}'`)
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(helpText)
      return 0
    }
    const { values, positionals } = parseArguments(command, rest)
    return await command.run(values, positionals)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`argus: ${error.message} (see 'argus --help')`)
      return 2
    }
    if (error instanceof ArgusError && error.code === 'bad_request') {
      console.error(`argus: ${error.code}: ${error.message}`)
      return 2
    }
    const message = error instanceof ArgusError ? `${error.code}: ${error.message}` : (error as Error).message
    console.error(`argus: ${message.split('\n')[0]}`)
    return 1
  }
}

function parseArguments(command: Command, args: string[]): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, options: command.options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
