import { request as httpRequest } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../api/engine'
import { openTestEngine } from '../api/test-engine'
import { addImport, temporaryFolder } from '../store/test-workspace'
import { startServer, type RunningServer } from './http-server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request over a real socket (fetch would not let us forge the Host header). */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      },
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}

let engine: Engine
let dispose: () => Promise<void>
let server: RunningServer
const renderer = temporaryFolder()

beforeAll(async () => {
  ;({ engine, dispose } = await openTestEngine('http'))
  mkdirSync(renderer.path, { recursive: true })
  writeFileSync(renderer.file('index.html'), '<!doctype html><title>Argus</title>')
  addImport(engine.workspace, 'auth.log', [{ ts: Date.UTC(2024, 4, 1, 9), user: 'alice' }])
  server = await startServer({ engine, rendererDir: renderer.path, port: 0 })
})
afterAll(async () => {
  await server.close()
  await dispose()
  renderer.remove()
})

const call = (channel: string, body: unknown, token = server.token): Promise<Reply> =>
  send(server.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('HTTP door', () => {
  it('binds 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(40)
  })

  it('answers a call that carries the token', async () => {
    const reply = await call('workspace:info', {})
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { counts: { events: 1, sources: 1 } } })
  })

  it('answers 401 without the token or with a wrong one', async () => {
    const missing = await send(server.port, { method: 'POST', path: '/api/workspace:info', body: '{}' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } })
    expect((await call('workspace:info', {}, 'x'.repeat(server.token.length))).status).toBe(401)
    expect((await send(server.port, { path: '/' })).status).toBe(401)
    expect((await send(server.port, { path: '/api/events' })).status).toBe(401)
  })

  it('answers 403 to a foreign Host header, token or not (DNS rebinding)', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/workspace:info',
      headers: { host: `evil.example:${server.port}`, authorization: `Bearer ${server.token}` },
      body: '{}',
    })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await send(server.port, { path: `/?token=${server.token}`, headers: { host: 'localhost:1' } })).status).toBe(403)
  })

  it('refuses a malformed request with a typed error', async () => {
    const reply = await call('events:list', { limit: 5000 })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/limit/) } })
    const notJson = await send(server.port, {
      method: 'POST',
      path: '/api/events:list',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{limit: 1',
    })
    expect(notJson.status).toBe(400)
    expect((await call('nope:nothing', {})).status).toBe(404)
  })

  it('serves the renderer with a strict CSP and keeps the token in an HttpOnly cookie', async () => {
    const first = await send(server.port, { path: `/?token=${server.token}` })
    expect(first.status).toBe(200)
    expect(first.body).toContain('<title>Argus</title>')
    expect(first.headers['content-security-policy']).toContain("script-src 'self'")
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? ''
    expect(cookie).toBe(`argus_token=${server.token}`)
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly')
    const later = await send(server.port, { path: '/users', headers: { cookie } })
    expect(later.status).toBe(200)
    const traversal = await send(server.port, { path: '/..%2f..%2fetc%2fpasswd', headers: { cookie } })
    expect(traversal.status).toBe(403)
    expect(traversal.body).not.toContain('root:')
  })

  it('pushes events to a server-sent event stream', async () => {
    const cookie = `argus_token=${server.token}`
    let job: Promise<Reply> = Promise.resolve({ status: 0, headers: {}, body: '' })
    const received = new Promise<string>((resolve, reject) => {
      const stream = httpRequest(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, cookie } },
        (response) => {
          expect(response.headers['content-type']).toBe('text/event-stream')
          let text = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => {
            text += chunk
            if (text.includes('event: job:progress')) {
              stream.destroy()
              resolve(text)
            }
          })
          // Once the stream is open, start a job whose progress is pushed.
          job = call('stats:eventsPerDay', {})
        },
      )
      stream.on('error', reject)
      stream.end()
    })
    const text = await received
    expect((await job).status).toBe(200)
    expect(text).toMatch(/event: job:progress\ndata: \{"jobId":\d+,"kind":"eventsPerDay","done":1,"total":1\}/)
  })
})
