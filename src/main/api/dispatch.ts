import type { z } from 'zod'
import { isApiChannel } from '../../shared/channels'
import { contract, type ArgusHandlers } from '../../shared/contract'
import { ArgusError, type Result } from '../../shared/errors'

/**
 * The one entry every door uses: checks the channel, validates the input against the contract,
 * runs the handler and turns any failure into a typed `{ code, message }`. Never throws.
 */
export async function dispatch(handlers: ArgusHandlers, channel: string, input: unknown): Promise<Result<unknown>> {
  if (!isApiChannel(channel)) {
    return { ok: false, error: { code: 'unknown_call', message: `unknown call '${channel}'` } }
  }
  const parsed = contract[channel].input.safeParse(input ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad_request', message: `${channel}: ${describeIssues(parsed.error)}` } }
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof ArgusError) return { ok: false, error: error.toShape() }
    console.error(`[argus] ${channel} failed:`, error)
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${(error as Error).message}` } }
  }
}

/** One line per request, e.g. "limit: Too small: expected number to be >=1; cursor.id: Invalid input". */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ')
}
