import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { latestMigration } from '../src/main/store/migrations'

// The desktop app end to end. It needs Electron's binary (and better-sqlite3 rebuilt for
// Electron by `npm start`), which machines without internet cannot download; there it skips
// and says so, and the same renderer and engine are covered through `argus serve`.

const require = createRequire(import.meta.url)

function electronBinary(): string | null {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'))
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim()
    const binary = join(packageDir, 'dist', relative)
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const nativeAddon = existsSync('.electron-native/better_sqlite3.node')
const skipReason = !binary
  ? 'Electron binary not installed (node_modules/electron/dist is missing: it cannot be downloaded on this machine)'
  : !nativeAddon
    ? 'better-sqlite3 is not rebuilt for Electron yet (run `npm start` once on a networked machine)'
    : null

test('the desktop window opens every page over IPC', async () => {
  if (skipReason) console.log(`SKIPPED electron e2e: ${skipReason}`)
  test.skip(skipReason !== null, skipReason ?? '')
  const userData = mkdtempSync(join(tmpdir(), 'argus-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, ARGUS_USER_DATA: userData },
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    for (const name of ['Users', 'Alerts', 'Cases', 'Import', 'Settings']) {
      await window.getByRole('link', { name, exact: true }).click()
      await expect(window.getByRole('heading', { level: 1, name })).toBeVisible()
    }
    // The renderer reaches the engine only through the preload's bridge.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    await expect(window.getByRole('main')).toContainText(latestMigration)
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
