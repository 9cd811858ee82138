import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../api/engine'
import { openTestEngine } from '../api/test-engine'
import { createIpcHandler, isTrustedSender } from './handlers'

// The Electron binary cannot run here, so the IPC door is tested one layer below ipcMain:
// the very handler function that register.ts hands to ipcMain.handle, with a real engine.

let engine: Engine
let dispose: () => Promise<void>
beforeAll(async () => {
  ;({ engine, dispose } = await openTestEngine('electron'))
})
afterAll(() => dispose())

const appFrame = { senderFrame: { url: 'file:///opt/Argus/resources/app.asar/out/renderer/index.html' } } as never

describe('IPC handler', () => {
  it('answers a well-formed call from the app page', async () => {
    const handler = createIpcHandler('app:health', () => engine, undefined)
    expect(await handler(appFrame, {})).toMatchObject({ ok: true, value: { status: 'ok', door: 'electron', workerThreads: 1 } })
  })

  it('refuses a malformed request with a typed error instead of throwing', async () => {
    const handler = createIpcHandler('events:list', () => engine, undefined)
    const result = await handler(appFrame, { limit: 'many' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(result.ok ? '' : result.error.message).toMatch(/^events:list: limit: /)
  })

  it('refuses frames the app did not load', async () => {
    const handler = createIpcHandler('workspace:info', () => engine, 'http://localhost:5173')
    const foreign = { senderFrame: { url: 'https://evil.example/' } } as never
    expect(await handler(foreign, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(isTrustedSender('http://localhost:5173/#/users', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender(undefined, undefined)).toBe(false)
  })
})
