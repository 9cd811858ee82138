import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Reports printed by the desktop app's own Chromium (no external browser needed): the HTML goes
 * to a temporary file, loads in a hidden window with scripts off, and is printed with its own
 * CSS page size and backgrounds, as headless Chromium prints it for `argus report`.
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const folder = await mkdtemp(join(tmpdir(), 'argus-report-'))
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  })
  try {
    const file = join(folder, 'report.html')
    await writeFile(file, html, 'utf8')
    await window.loadFile(file)
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })
  } finally {
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}
