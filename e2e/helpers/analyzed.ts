import { test, type Page } from '@playwright/test'
import { startAnalyzedServe, type ServedWorkspace } from './argus-serve'

/**
 * One analyzed workspace for all the tests of the spec file that calls this: started before the
 * first test (building it takes a while) and stopped after the last.
 */
export function serveAnalyzedForFile(): ServedWorkspace {
  let current: ServedWorkspace | undefined
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    current = await startAnalyzedServe()
  })
  test.afterAll(async () => {
    await current?.stop()
  })
  const active = (): ServedWorkspace => {
    if (!current) throw new Error('the analyzed workspace is only there inside a test')
    return current
  }
  return {
    get url() {
      return active().url
    },
    get origin() {
      return active().origin
    },
    stop: () => active().stop(),
  }
}

/** How long a test waits for one call: a call that hangs fails naming itself, not as a test timeout. */
const callTimeoutMs = 20_000

/** Calls the engine the way the page does, with the token the page holds; throws on an error. */
export async function callApi<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([channel, input, timeoutMs]) => {
      const token = sessionStorage.getItem('argus.token') ?? ''
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(timeoutMs),
      })
      return response.json()
    },
    [channel, input, callTimeoutMs] as const,
  )
  const { ok, value, error } = result as { ok: boolean; value: T; error?: unknown }
  if (!ok) throw new Error(`${channel} failed: ${JSON.stringify(error)}`)
  return value
}
