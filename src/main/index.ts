import { app, dialog, Menu, type BrowserWindow } from 'electron'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openEngine, type Engine } from './api/engine'
import { forwardEvents, registerIpc } from './ipc/register'
import { buildMenu } from './menu'
import { createMainWindow, devServerUrl, hardenApp, printHtmlToPdf } from './window'

// Composition root of the desktop app: one workspace open at a time, one window, one engine.

interface DesktopState {
  workspacePath: string
  readOnly: boolean
}

const statePath = (): string => join(app.getPath('userData'), 'argus-desktop.json')

function loadState(): DesktopState {
  const fallback = { workspacePath: join(app.getPath('userData'), 'workspace.argus.db'), readOnly: false }
  try {
    const state = JSON.parse(readFileSync(statePath(), 'utf8')) as Partial<DesktopState>
    if (typeof state.workspacePath === 'string' && existsSync(state.workspacePath)) {
      return { workspacePath: state.workspacePath, readOnly: state.readOnly === true }
    }
  } catch {
    // First start, or an unreadable state file: the default workspace will do.
  }
  return fallback
}

/** In development, better-sqlite3 rebuilt for Electron's ABI by scripts/electron-prepare.js. */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined
  const built = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')
  return existsSync(built) ? built : undefined
}

let engine: Engine | null = null
let stopForwarding: () => void = () => {}
let mainWindow: BrowserWindow | null = null

async function switchWorkspace(state: DesktopState): Promise<void> {
  const binding = nativeBinding()
  const next = await openEngine({
    workspacePath: state.workspacePath,
    readOnly: state.readOnly,
    door: 'electron',
    printPdf: printHtmlToPdf,
    ...(binding ? { nativeBinding: binding } : {}),
  })
  stopForwarding()
  await engine?.close()
  engine = next
  stopForwarding = forwardEvents(next)
  writeFileSync(statePath(), JSON.stringify(state))
  mainWindow?.setTitle(`Argus — ${state.workspacePath}${state.readOnly ? ' (read-only)' : ''}`)
  next.bus.emit('workspace:changed', { reason: 'opened' })
}

async function chooseWorkspace(create: boolean, readOnly: boolean): Promise<void> {
  const filters = [{ name: 'Argus workspace', extensions: ['db', 'argus', 'sqlite'] }]
  const path = create
    ? (await dialog.showSaveDialog({ title: 'New workspace', defaultPath: 'investigation.argus.db', filters })).filePath
    : (await dialog.showOpenDialog({ title: 'Open workspace', properties: ['openFile'], filters })).filePaths[0]
  if (!path) return
  try {
    await switchWorkspace({ workspacePath: path, readOnly })
  } catch (error) {
    dialog.showErrorBox('Argus could not open that workspace', (error as Error).message)
  }
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

// Tests (and portable installs) may keep the app's own state in a folder of their choosing.
if (process.env.ARGUS_USER_DATA) app.setPath('userData', process.env.ARGUS_USER_DATA)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  hardenApp()
  app.on('second-instance', focusMainWindow)
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void engine?.close())

  app.whenReady().then(async () => {
    await switchWorkspace(loadState())
    registerIpc(() => {
      if (!engine) throw new Error('no workspace is open')
      return engine
    }, devServerUrl)
    Menu.setApplicationMenu(
      buildMenu({
        newWorkspace: () => void chooseWorkspace(true, false),
        openWorkspace: (readOnly) => void chooseWorkspace(false, readOnly),
      }),
    )
    mainWindow = createMainWindow()
    mainWindow.on('closed', () => (mainWindow = null))
  }, (error: unknown) => {
    dialog.showErrorBox('Argus could not start', (error as Error).message)
    app.quit()
  })
}
