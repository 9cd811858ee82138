import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArgusError } from '../../shared/errors'
import { folderPerTest } from '../store/test-workspace'
import { findChromium, printArguments, printToPdf } from './chromium'

// Finding the browser and reporting its failures, with small shell scripts standing in for
// Chromium; the real one prints in case-report.test.ts.

const folder = folderPerTest()

function fakeBrowser(name: string, script: string, directory = folder.path): string {
  mkdirSync(directory, { recursive: true })
  const path = join(directory, name)
  writeFileSync(path, `#!/bin/sh\n${script}\n`)
  chmodSync(path, 0o755)
  return path
}

function thrownBy(action: () => unknown): ArgusError {
  try {
    action()
  } catch (error) {
    if (error instanceof ArgusError) return error
    throw error
  }
  throw new Error('expected an ArgusError')
}

describe('findChromium', () => {
  it('prefers ARGUS_CHROMIUM, then chromium, chromium-browser and google-chrome on PATH', () => {
    const early = join(folder.path, 'early')
    const late = join(folder.path, 'late')
    const chrome = fakeBrowser('google-chrome', 'exit 0', early)
    const chromiumBrowser = fakeBrowser('chromium-browser', 'exit 0', late)
    const path = `${early}:${late}`
    expect(findChromium({ PATH: path })).toBe(chromiumBrowser)
    expect(findChromium({ PATH: early })).toBe(chrome)
    expect(findChromium({ PATH: path, ARGUS_CHROMIUM: chrome })).toBe(chrome)
  })

  it('says what to do when there is none', () => {
    expect(thrownBy(() => findChromium({ PATH: folder.path }))).toMatchObject({
      code: 'not_available',
      message: expect.stringMatching(/^PDF reports need Chromium: none of chromium, chromium-browser, google-chrome is on PATH/),
    })
    expect(thrownBy(() => findChromium({ ARGUS_CHROMIUM: join(folder.path, 'missing') }))).toMatchObject({
      code: 'not_available',
      message: expect.stringMatching(/ARGUS_CHROMIUM is set to '.*missing', which is not an executable file/),
    })
  })
})

describe('printToPdf', () => {
  it('runs Chromium headless, offline, with a throw-away profile and no header or footer', () => {
    const flags = printArguments('/tmp/x y/report.html', '/tmp/out.pdf', '/tmp/profile')
    expect(flags).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking', '--no-pdf-header-footer', '--user-data-dir=/tmp/profile']))
    expect(flags.slice(-2)).toEqual(['--print-to-pdf=/tmp/out.pdf', 'file:///tmp/x%20y/report.html'])
  })

  it('returns what the browser printed', async () => {
    // The fake browser writes a PDF header to wherever --print-to-pdf points.
    const browser = fakeBrowser('browser', 'for a; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done; printf "%%PDF-1.4 fake" > "$out"')
    expect((await printToPdf('<p>hi</p>', browser)).toString('latin1')).toBe('%PDF-1.4 fake')
  })

  it('reports a browser that fails, or prints nothing', async () => {
    const failing = fakeBrowser('failing', 'echo "noise" >&2; echo "Trace/breakpoint trap" >&2; exit 5')
    await expect(printToPdf('<p>hi</p>', failing)).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/failed: Trace\/breakpoint trap$/) })
    const silent = fakeBrowser('silent', 'echo "nothing to see" >&2; exit 0')
    await expect(printToPdf('<p>hi</p>', silent)).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/wrote no PDF: nothing to see$/) })
    await expect(printToPdf('<p>hi</p>', join(folder.path, 'absent'))).rejects.toMatchObject({ code: 'not_available' })
  })
})
