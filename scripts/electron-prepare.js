// Run by `npm start` before the desktop app launches: makes sure Electron's binary is there and
// that better-sqlite3 is built for Electron's ABI. That build goes to .electron-native/ so the
// Node build in node_modules, which the CLI and the tests use, stays untouched.
// Both steps need the internet once (Electron's binary and headers); after that they are cached.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = require('better-sqlite3/package.json').version
const outputDir = '.electron-native'
const stamp = `electron@${electronVersion} better-sqlite3@${sqliteVersion} ${process.platform}-${process.arch}`

function run(command, args, options = {}) {
  const env = { ...process.env, ...options.env }
  // A machine-wide npm `nodedir` would make node-gyp build against Node's headers while
  // claiming Electron's (DEPENDENCIES.md): the addon would then not load in Electron.
  delete env.npm_config_nodedir
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  return spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options, env }).status === 0
}

function fail(message) {
  console.error(`\nargus: ${message}\nThe browser door needs none of this: \`npm run serve\`.\n`)
  process.exit(1)
}

function electronInstalled() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    return existsSync(join(electronDir, 'dist', relative))
  } catch {
    return false
  }
}

if (!electronInstalled()) {
  console.log(`Downloading Electron ${electronVersion}…`)
  if (!run(process.execPath, [join(electronDir, 'install.js')]) || !electronInstalled()) {
    fail('could not download Electron (no internet here?).')
  }
}

const stampFile = join(outputDir, 'stamp.txt')
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : ''
if (current !== stamp || !existsSync(join(outputDir, 'better_sqlite3.node'))) {
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`)
  const work = mkdtempSync(join(tmpdir(), 'argus-electron-native-'))
  cpSync(sqliteDir, work, { recursive: true, filter: (source) => !source.includes(`${join(sqliteDir, 'build')}`) })
  const target = ['--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']
  const built =
    run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`], { cwd: work }) ||
    run(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', ...target], { cwd: work })
  const addon = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (!built || !existsSync(addon)) fail('could not build better-sqlite3 for Electron.')
  mkdirSync(outputDir, { recursive: true })
  copyFileSync(addon, join(outputDir, 'better_sqlite3.node'))
  writeFileSync(stampFile, stamp)
  rmSync(work, { recursive: true, force: true })
}
