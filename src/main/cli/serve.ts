import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { openEngine } from '../api/engine'
import { startServer } from '../server/http-server'
import { parsePort } from './usage'

export async function runServe(values: Record<string, unknown>): Promise<number> {
  const port = parsePort(values.port, '--port') ?? 7420
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1'
  const engine = await openEngine({
    workspacePath: String(values.db),
    door: 'http',
    readOnly: values['read-only'] === true,
  })
  const server = await startServer({ engine, host, port, rendererDir: rendererDirectory() })
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.error(`argus: warning: listening on ${host}; anyone who can reach it and has the token can read this workspace`)
  }
  console.log(`Argus is serving ${engine.workspace.path}`)
  console.log(`Open ${server.url}`)
  console.log('Press Ctrl+C to stop.')
  if (values.open === true) openBrowser(server.url)

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  await server.close()
  await engine.close()
  return 0
}



/** The built renderer sits beside the built CLI: out/main/cli.js → out/renderer. */
function rendererDirectory(): string {
  return join(import.meta.dirname, '..', 'renderer')
}

function openBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => console.error(`argus: could not start a browser (${opener}); open the URL above yourself`))
  child.unref()
}
