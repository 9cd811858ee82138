// The install command (`npm run setup`): `npm ci` that succeeds with or without internet.
// Electron's own postinstall downloads its binary from outside the npm registry, which fails on
// air-gapped machines and CI. Here the download is skipped; `npm start` fetches the binary when
// (and where) the desktop app is actually launched. Everything else, including the native
// better-sqlite3 build and the app build (`prepare`), happens as in a plain `npm ci`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const command = existsSync('package-lock.json') ? 'ci' : 'install'
const result = spawnSync(npm, [command], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
})
process.exit(result.status ?? 1)
