#!/usr/bin/env node
// The `argus` command: runs the built CLI (npm install builds it through the `prepare` script).
import { existsSync } from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(cli)) {
  console.error('argus: the app is not built yet; run `npm run build` in the Argus folder first')
  process.exit(1)
}
await import(cli.href)
