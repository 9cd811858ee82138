import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ArgusError, type ErrorCode, type Result } from '../../shared/errors'
import { dispatch } from '../api/dispatch'
import type { Engine } from '../api/engine'
import {
  bearerToken,
  contentSecurityPolicy,
  cookieToken,
  createToken,
  hostAllowed,
  tokenCookie,
  tokensMatch,
} from './security'
import { serveStatic } from './static-files'
import { createUploadStore } from './uploads'

export interface ServeOptions {
  engine: Engine
  /** Folder of the built renderer (index.html and its assets). */
  rendererDir: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  token?: string
}

export interface RunningServer {
  /** The URL to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const maxBodyBytes = 1024 * 1024

const statusOf: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_call: 404,
  not_found: 404,
  not_available: 501,
  read_only: 409,
  internal: 500,
}

/**
 * The HTTP door: the built renderer, the contract at POST /api/<channel>, SSE at /api/events, and
 * POST /api/upload for files dropped into a browser (which has no path to give).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? createToken()
  const streams = new Set<ServerResponse>()
  const uploads = createUploadStore()
  let port = options.port ?? 0

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[argus] http request failed:', error)
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'internal error'))
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response)
    if (!hostAllowed(request.headers.host, host, port)) {
      sendJson(response, 403, failure('forbidden', 'foreign Host header refused'))
      return
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const queryToken = url.searchParams.get('token')
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url)
      return
    }
    // Pages and assets: the token arrives once in the URL and is then kept in a strict cookie.
    if (tokensMatch(token, queryToken)) {
      response.setHeader('set-cookie', `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    } else if (!tokensMatch(token, cookieToken(request))) {
      sendText(response, 401, 'Argus: this address needs the token printed by `argus serve`.\n')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'method not allowed\n')
      return
    }
    serveStatic(options.rendererDir, url.pathname, response)
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    response.setHeader('cache-control', 'no-store')
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
    if (channel === 'events' && request.method === 'GET') {
      // EventSource cannot set headers, so the stream accepts the cookie; it only reads.
      if (!tokensMatch(token, cookieToken(request)) && !tokensMatch(token, bearerToken(request))) {
        sendJson(response, 401, failure('unauthorized', 'missing or wrong token'))
        return
      }
      openEventStream(response)
      return
    }
    // Calls and uploads need the header, not the cookie: a cross-site form cannot set it.
    if (!tokensMatch(token, bearerToken(request))) {
      sendJson(response, 401, failure('unauthorized', 'missing or wrong token'))
      return
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, failure('bad_request', 'calls are POST /api/<channel> with a JSON body'))
      return
    }
    if (channel === 'upload') {
      await handleUpload(request, response, url)
      return
    }
    const body = await readBody(request)
    if (body === null) {
      sendJson(response, 413, failure('bad_request', `request body over ${maxBodyBytes} bytes`))
      return
    }
    let input: unknown = {}
    if (body.length > 0) {
      try {
        input = JSON.parse(body)
      } catch {
        sendJson(response, 400, failure('bad_request', 'request body is not valid JSON'))
        return
      }
    }
    const result = await dispatch(options.engine.handlers, channel, input)
    sendJson(response, result.ok ? 200 : statusOf[result.error.code], result)
  }

  /** POST /api/upload?name=logs/auth.log&batch=drop-1 with the file's bytes as the body. */
  async function handleUpload(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get('name') ?? ''
    const batch = url.searchParams.get('batch') ?? 'upload'
    try {
      const path = await uploads.save(request, name, batch)
      sendJson(response, 200, { ok: true, value: { path, folder: uploads.batchFolder(batch) } })
    } catch (error) {
      const shape = error instanceof ArgusError ? error.toShape() : { code: 'internal' as const, message: (error as Error).message }
      sendJson(response, statusOf[shape.code], { ok: false, error: shape })
    }
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' })
    response.write(': connected\n\n')
    streams.add(response)
    const unsubscribe = options.engine.bus.subscribe((channel, payload) => {
      response.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), 15_000)
    response.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(response)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      uploads.remove()
    },
  }
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('content-security-policy', contentSecurityPolicy)
  response.setHeader('x-content-type-options', 'nosniff')
  response.setHeader('x-frame-options', 'DENY')
  response.setHeader('referrer-policy', 'no-referrer')
  response.setHeader('cross-origin-opener-policy', 'same-origin')
  response.setHeader('cross-origin-resource-policy', 'same-origin')
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
}

/** The body as text, or null when it is larger than allowed. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
