/** Every error that crosses a door carries one of these codes. */
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'unknown_call',
  'not_found',
  'not_available',
  'read_only',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** The serializable form of an error: what IPC, HTTP and the CLI hand over. */
export interface ErrorShape {
  code: ErrorCode
  message: string
}

/** A call's outcome as it crosses a process boundary (Electron passes only an error's message). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape }

export class ArgusError extends Error {
  override readonly name = 'ArgusError'
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }

  toShape(): ErrorShape {
    return { code: this.code, message: this.message }
  }
}

export function isErrorShape(value: unknown): value is ErrorShape {
  if (typeof value !== 'object' || value === null) return false
  const { code, message } = value as Record<string, unknown>
  return typeof message === 'string' && errorCodes.includes(code as ErrorCode)
}
