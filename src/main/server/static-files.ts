import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** Serves the built renderer; unknown paths fall back to index.html (client-side routing). */
export function serveStatic(root: string, urlPath: string, response: ServerResponse): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    response.writeHead(400).end('bad request')
    return
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  let file = join(root, relative)
  const climbs = decoded.split(/[/\\]/).includes('..')
  if (climbs || (file !== root && !file.startsWith(root + sep))) {
    response.writeHead(403).end('forbidden')
    return
  }
  if (!isFile(file)) file = join(root, 'index.html')
  if (!isFile(file)) {
    response
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built. Run `npm run build` and start `argus serve` again.\n')
    return
  }
  response.writeHead(200, {
    'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600',
  })
  createReadStream(file).pipe(response)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
