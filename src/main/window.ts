import { app, BrowserWindow, session, type WebContents } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contentSecurityPolicy } from './server/security'

/** The dev server's URL while `electron-vite dev` runs; undefined in a built app. */
export const devServerUrl: string | undefined = process.env.ELECTRON_RENDERER_URL

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1419',
    title: 'Argus',
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return window
}

/** Locks down every web contents the app ever creates (DESIGN.md, "Security model"). */
export function hardenApp(): void {
  const ownOrigin = (url: string): boolean =>
    devServerUrl ? url.startsWith(devServerUrl) : url.startsWith('file://')

  app.on('web-contents-created', (_event, contents: WebContents) => {
    // An air-gapped workstation opens nothing else: no new windows, no external browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (event, url) => {
      if (!ownOrigin(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!ownOrigin(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  app.whenReady().then(() => {
    const defaultSession = session.defaultSession
    defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    defaultSession.setPermissionCheckHandler(() => false)
    // The dev server's React Refresh preamble is one inline script; the built app allows none.
    const policy = devServerUrl
      ? contentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      : contentSecurityPolicy
    defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
    })
    // No remote content: only our own files and, in development, the local dev server. `blob:`
    // URLs are the page's own memory: exports and reports are saved through them (Save dialog).
    const allowed = ['file://', 'devtools://', 'data:', 'blob:']
    if (devServerUrl) allowed.push(devServerUrl, devServerUrl.replace(/^http/, 'ws')) // page + HMR socket
    defaultSession.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !allowed.some((prefix) => details.url.startsWith(prefix)) })
    })
  }, (error: unknown) => console.error('[argus] session hardening failed:', error))
}

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
