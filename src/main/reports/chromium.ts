import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { ArgusError } from '../../shared/errors'

// PDF for the CLI and `argus serve`: headless Chromium prints the report's HTML. The desktop app
// prints with Electron's own webContents.printToPDF instead. Chromium runs offline with a
// throw-away profile; the report loads nothing from the network, and its CSP forbids it to.

const run = promisify(execFile)

/** Names tried on PATH, in this order, when ARGUS_CHROMIUM is not set. */
export const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome'] as const

/** Long enough for a report of hundreds of pages on a slow laptop; a hung browser still ends. */
const printTimeoutMs = 120_000

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The Chromium to print with: ARGUS_CHROMIUM when set, else the first of chromiumNames on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.ARGUS_CHROMIUM
  if (chosen) {
    if (isExecutable(chosen)) return chosen
    throw new ArgusError('not_available', `ARGUS_CHROMIUM is set to '${chosen}', which is not an executable file`)
  }
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const name of chromiumNames) {
    for (const folder of folders) {
      const candidate = join(folder, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  throw new ArgusError(
    'not_available',
    `PDF reports need Chromium: none of ${chromiumNames.join(', ')} is on PATH. Install it (apt-get install chromium), set ARGUS_CHROMIUM to its path, or export --html instead`,
  )
}

/** Headless Chromium that makes no network calls of its own (updates, sync, first-run pages); the end-to-end tests launch it so too. */
export const offlineChromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The Chromium command line that prints `page` to `output`, with `profile` as a throw-away profile. */
export function printArguments(page: string, output: string, profile: string): string[] {
  return [
    ...offlineChromiumFlags,
    '--no-pdf-header-footer',
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${output}`,
    pathToFileURL(page).href,
  ]
}

/** Prints a self-contained HTML document to PDF and returns the PDF's bytes. */
export async function printToPdf(html: string, executable: string = findChromium()): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'argus-report-'))
  try {
    const page = join(folder, 'report.html')
    const output = join(folder, 'report.pdf')
    writeFileSync(page, html)
    let stderr = ''
    try {
      ;({ stderr } = await run(executable, printArguments(page, output, join(folder, 'profile')), { timeout: printTimeoutMs, maxBuffer: 16 * 1024 * 1024 }))
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean }
      if (failure.code === 'ENOENT') throw new ArgusError('not_available', `cannot start Chromium at '${executable}'`)
      const why = failure.killed ? `did not finish within ${printTimeoutMs / 1000} s` : `failed: ${lastLine(failure.stderr ?? failure.message)}`
      throw new ArgusError('internal', `Chromium (${executable}) ${why}`)
    }
    const pdf = readOptional(output)
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new ArgusError('internal', `Chromium (${executable}) wrote no PDF: ${lastLine(stderr) || 'no message'}`)
    }
    return pdf
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function readOptional(path: string): Buffer | null {
  try {
    return readFileSync(path)
  } catch {
    return null
  }
}

/** Chromium logs a lot (D-Bus, GPU); its last line is the one that says what went wrong. */
function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? ''
}
