import { isErrorShape, type Result } from '../../../shared/errors'
import type { DroppedFile } from '../dropped-files'

/** Where `POST /api/upload` put one file: its path, and the folder holding the whole batch. */
export interface UploadedFile {
  path: string
  folder: string
}

/** Uploads one drop's files into one server folder, one after another; resolves with that folder. */
export async function uploadBatch(
  files: readonly DroppedFile[],
  token: string | null,
  onProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Result<string>> {
  // getRandomValues, not randomUUID: the latter exists only in secure contexts, and a LAN address is not one.
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  const batch = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  const total = files.reduce((sum, { file }) => sum + file.size, 0)
  let sent = 0
  let folder = ''
  onProgress?.(0, total)
  for (const { file, relativePath } of withUniqueNames(files)) {
    const url = `/api/upload?name=${encodeURIComponent(relativePath)}&batch=${batch}`
    const result = await uploadFile(url, token, file, (bytes) => onProgress?.(sent + bytes, total), signal)
    if (!result.ok) return result
    sent += file.size
    folder = result.value.folder
    onProgress?.(sent, total)
  }
  return { ok: true, value: folder }
}

/** The server refuses to overwrite within a batch; two dropped 'auth.log' become 'auth.log' and 'auth (2).log'. */
function withUniqueNames(files: readonly DroppedFile[]): DroppedFile[] {
  const seen = new Map<string, number>()
  return files.map(({ file, relativePath }) => {
    const count = (seen.get(relativePath) ?? 0) + 1
    seen.set(relativePath, count)
    if (count === 1) return { file, relativePath }
    // The extension stays last ('logs (2).tar.gz') so the engine still knows an archive by name.
    const extension = /[^/.](\.tar)?\.[^./]+$/.exec(relativePath)?.[0].slice(1) ?? ''
    const stem = relativePath.slice(0, relativePath.length - extension.length)
    return { file, relativePath: `${stem} (${count})${extension}` }
  })
}

/**
 * Sends one file's bytes to the HTTP door. XMLHttpRequest rather than fetch: fetch cannot report
 * how much of a request body has been sent, and a multi-gigabyte log deserves a moving bar.
 */
function uploadFile(
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
  const unexpected = failure(`unexpected answer to an upload (HTTP ${request.status})`)
  let body: unknown
  try {
    body = JSON.parse(request.responseText)
  } catch {
    return unexpected
  }
  if (typeof body !== 'object' || body === null) return unexpected
  const answer = body as { ok?: unknown; value?: Partial<UploadedFile>; error?: unknown }
  if (answer.ok === true && typeof answer.value?.path === 'string' && typeof answer.value.folder === 'string') {
    return { ok: true, value: { path: answer.value.path, folder: answer.value.folder } }
  }
  if (answer.ok === false && isErrorShape(answer.error)) return { ok: false, error: answer.error }
  return unexpected
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } }
}
