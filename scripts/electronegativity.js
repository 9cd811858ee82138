// Runs Electronegativity over the built Electron app (out/: main, preload, renderer) and fails on
// any HIGH or CRITICAL finding. It scans the build rather than the TypeScript sources because its
// bundled parser predates current TypeScript syntax; the build is also what ships.
// The tool tries to fetch translations and Electron release data from the internet; offline
// (air-gapped machines, CI) that fails within a second and the scan itself is unaffected.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js')

if (!existsSync('out/main/index.js')) {
  console.error('electronegativity: build first (npm run build)')
  process.exit(1)
}
const folder = mkdtempSync(join(tmpdir(), 'argus-electronegativity-'))
const report = join(folder, 'report.csv')
const run = spawnSync(
  process.execPath,
  [cli, '-i', 'out', '-o', report, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
  { encoding: 'utf8' },
)
if (!existsSync(report)) {
  console.error(run.stdout, run.stderr)
  console.error('electronegativity: the scan produced no report')
  process.exit(1)
}
const rows = parseCsv(readFileSync(report, 'utf8')).slice(1).filter((row) => row.length > 1)
rmSync(folder, { recursive: true, force: true })

const findings = rows.map(([issue, severity, confidence, file, location, , description]) => ({
  issue,
  severity,
  confidence,
  where: `${file}:${location}`,
  description,
}))
const blocking = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL')
for (const finding of findings) {
  console.log(`${finding.severity.padEnd(8)} ${finding.confidence.padEnd(10)} ${finding.issue} ${finding.where}: ${finding.description}`)
}
console.log(`electronegativity ${electronVersion}: ${findings.length} findings, ${blocking.length} high or critical`)
process.exit(blocking.length > 0 ? 1 : 0)

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks (code samples do). */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field.trim())
      field = ''
    } else if (char === '\n') {
      row.push(field.trim())
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field || row.length > 0) rows.push([...row, field.trim()])
  return rows
}
