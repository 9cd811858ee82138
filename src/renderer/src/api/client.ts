import type { ArgusBridge } from '../../../shared/bridge'
import { eventChannels, type ApiChannel, type EventChannel } from '../../../shared/channels'
import type { ApiInput, ApiOutput, ArgusEvents } from '../../../shared/contract'
import { ArgusError, isErrorShape, type Result } from '../../../shared/errors'
import type { DroppedFile } from '../dropped-files'
import { uploadBatch } from './upload'

/**
 * One client for both doors. Inside Electron the preload's `window.argus` bridge carries calls
 * over IPC; in a browser opened by `argus serve` the same contract goes over HTTP and SSE.
 * Only the hooks in `hooks/` import this module.
 */

type Listener<K extends EventChannel> = (payload: ArgusEvents[K]) => void

/** Everything `imports:start` takes besides the paths. */
export type ImportOptions = Omit<ApiInput<'imports:start'>, 'paths'>

export interface DroppedImportControl {
  /** Bytes sent of all the files together; reported only where files must be uploaded. */
  onUploadProgress?: (sent: number, total: number) => void
  /** Stops the uploads; an import already started is cancelled with `imports:cancel`. */
  signal?: AbortSignal
}

interface Transport {
  call<K extends ApiChannel>(channel: K, input: ApiInput<K>): Promise<Result<ApiOutput<K>>>
  subscribe<K extends EventChannel>(channel: K, listener: Listener<K>): () => void
  /** Dropped or chosen files have a path on this machine (Electron), folders included. */
  localPaths: boolean
  importFiles(
    files: readonly DroppedFile[],
    options: ImportOptions,
    control: DroppedImportControl,
  ): Promise<Result<ApiOutput<'imports:start'>>>
}

const tokenStorageKey = 'argus.token'

let transport: Transport | undefined

/** Calls one contract channel; resolves with its output or throws an ArgusError. */
export async function call<K extends ApiChannel>(channel: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const result = await currentTransport().call(channel, input)
  if (result.ok) return result.value
  throw new ArgusError(result.error.code, result.error.message)
}

/** Listens to one pushed event channel; returns the function that stops listening. */
export function subscribe<K extends EventChannel>(channel: K, listener: Listener<K>): () => void {
  return currentTransport().subscribe(channel, listener)
}

/**
 * Imports files that were dropped or chosen, through whichever door this window has: Electron
 * hands their local paths to `imports:start`; a browser uploads their bytes into one folder per
 * drop (keeping a dropped folder's layout) and imports that folder as one job.
 */
export async function importDroppedFiles(
  files: readonly DroppedFile[],
  options: ImportOptions = {},
  control: DroppedImportControl = {},
): Promise<ApiOutput<'imports:start'>> {
  if (files.length === 0) throw new ArgusError('bad_request', 'nothing to import: no files were dropped or chosen')
  const result = await currentTransport().importFiles(files, options, control)
  if (result.ok) return result.value
  throw new ArgusError(result.error.code, result.error.message)
}

/**
 * True inside Electron, where a dropped folder is a path the engine walks itself; a browser has
 * only bytes, so a dropped folder must be walked file by file (see `readDrop`).
 */
export function filesHaveLocalPaths(): boolean {
  return currentTransport().localPaths
}

/** Whatever was thrown, as an ArgusError, so the UI always has a code and a message to show. */
export function asArgusError(error: unknown): ArgusError {
  if (error instanceof ArgusError) return error
  if (isErrorShape(error)) return new ArgusError(error.code, error.message)
  const message = error instanceof Error ? error.message : String(error)
  return new ArgusError('internal', message)
}

// Chosen on first use rather than at import so the token is read from the URL the page was
// actually opened with, and removed from it, before anything else runs.
function currentTransport(): Transport {
  transport ??= window.argus ? bridgeTransport(window.argus) : httpTransport(takeToken())
  return transport
}

function bridgeTransport(bridge: ArgusBridge): Transport {
  return {
    async call(channel, input) {
      try {
        return await bridge.api[channel](input)
      } catch (error) {
        // The preload returns errors as data; a rejection means IPC itself failed.
        return { ok: false, error: asArgusError(error).toShape() }
      }
    },
    subscribe(channel, listener) {
      return bridge.subscribe(channel, listener)
    },
    localPaths: true,
    async importFiles(files, options) {
      const paths = localPaths(files, (file) => bridge.pathForFile(file))
      if (paths.length === 0) {
        return { ok: false, error: { code: 'bad_request', message: 'the dropped items have no path on this machine' } }
      }
      return this.call('imports:start', { ...options, paths })
    },
  }
}

/**
 * The paths to import. A folder chosen with `webkitdirectory` arrives as its files
 * ('logs/2024/auth.log'): the folder itself is imported once instead, as a dropped folder is.
 */
function localPaths(files: readonly DroppedFile[], pathForFile: (file: File) => string): string[] {
  const paths = new Set<string>()
  for (const { file, relativePath } of files) {
    const path = pathForFile(file)
    if (path === '') continue
    const slash = relativePath.indexOf('/')
    const below = slash < 0 ? '' : relativePath.slice(slash)
    // Windows paths use backslashes; relative paths from the browser always use slashes.
    const inFolder = below !== '' && path.replaceAll('\\', '/').endsWith(below)
    paths.add(inFolder ? path.slice(0, path.length - below.length) : path)
  }
  return [...paths]
}

/**
 * `argus serve` opens the browser at `/?token=…`. The token moves to sessionStorage (it survives
 * a reload but not the tab) and out of the address bar, so it is not shared by copy-paste or
 * left in history.
 */
function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(tokenStorageKey, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  }
  return sessionStorage.getItem(tokenStorageKey)
}

function httpTransport(token: string | null): Transport {
  return {
    localPaths: false,
    async importFiles(files, options, control) {
      const uploaded = await uploadBatch(files, token, control.onUploadProgress, control.signal)
      if (!uploaded.ok) return uploaded
      return this.call('imports:start', { ...options, paths: [uploaded.value] })
    },
    async call(channel, input) {
      let response: Response
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input),
        })
      } catch (error) {
        return failure(`cannot reach the Argus server: ${asArgusError(error).message}`)
      }
      const body: unknown = await response.json().catch(() => null)
      if (!isResult(body)) return failure(`unexpected answer from the Argus server (HTTP ${response.status})`)
      // The server answers with the output type the contract declares for this channel.
      return body as Result<ApiOutput<typeof channel>>
    },
    subscribe: createEventStream(),
  }
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const { ok, error } = value as Record<string, unknown>
  return ok === true ? 'value' in value : ok === false && isErrorShape(error)
}

/**
 * Every subscriber shares one EventSource: browsers cap connections per origin, and the stream
 * carries all channels anyway. EventSource cannot send headers; the server accepts the cookie it
 * set when the page was loaded with the token.
 */
function createEventStream(): Transport['subscribe'] {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  function open(): EventSource {
    const stream = new EventSource('/api/events')
    for (const channel of eventChannels) {
      stream.addEventListener(channel, (message: MessageEvent<string>) => {
        let payload: unknown
        try {
          payload = JSON.parse(message.data)
        } catch {
          console.warn(`[argus] ignored malformed '${channel}' event`)
          return
        }
        for (const listener of listeners.get(channel) ?? []) listener(payload)
      })
    }
    return stream
  }

  return function subscribeToStream<K extends EventChannel>(channel: K, listener: Listener<K>): () => void {
    // Payloads come from the same contract the server emits them under.
    const forward = (payload: unknown): void => listener(payload as ArgusEvents[K])
    const channelListeners = listeners.get(channel) ?? new Set()
    channelListeners.add(forward)
    listeners.set(channel, channelListeners)
    source ??= open()
    return () => {
      channelListeners.delete(forward)
      if (channelListeners.size === 0) listeners.delete(channel)
      if (listeners.size === 0) {
        source?.close()
        source = null
      }
    }
  }
}
