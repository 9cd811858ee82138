import { isErrorShape, type Result } from '../../../shared/errors'

/** Where `POST /api/upload` put one file: its path, and the folder holding the whole batch. */
export interface UploadedFile {
  path: string
  folder: string
}

/**
 * Sends one file's bytes to the HTTP door. XMLHttpRequest rather than fetch: fetch cannot report
 * how much of a request body has been sent, and a multi-gigabyte log deserves a moving bar.
 */
export function uploadFile(
  url: string,
  token: string | null,
  file: Blob,
  onSent: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<Result<UploadedFile>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest()
    const settle = (result: Result<UploadedFile>): void => {
      signal?.removeEventListener('abort', abort)
      resolve(result)
    }
    const abort = (): void => request.abort()
    request.open('POST', url)
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`)
    request.upload.addEventListener('progress', (event) => onSent(event.loaded))
    request.addEventListener('load', () => settle(parseAnswer(request)))
    request.addEventListener('error', () => settle(failure('cannot reach the Argus server to upload')))
    request.addEventListener('abort', () => settle(failure('upload cancelled')))
    if (signal?.aborted) {
      settle(failure('upload cancelled'))
      return
    }
    signal?.addEventListener('abort', abort)
    request.send(file)
  })
}

function parseAnswer(request: XMLHttpRequest): Result<UploadedFile> {
  let body: unknown
  try {
    body = JSON.parse(request.responseText)
  } catch {
    return failure(`unexpected answer to an upload (HTTP ${request.status})`)
  }
  if (typeof body !== 'object' || body === null) return failure(`unexpected answer to an upload (HTTP ${request.status})`)
  const answer = body as { ok?: unknown; value?: Partial<UploadedFile>; error?: unknown }
  if (answer.ok === true && typeof answer.value?.path === 'string' && typeof answer.value.folder === 'string') {
    return { ok: true, value: { path: answer.value.path, folder: answer.value.folder } }
  }
  if (answer.ok === false && isErrorShape(answer.error)) return { ok: false, error: answer.error }
  return failure(`unexpected answer to an upload (HTTP ${request.status})`)
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } }
}
