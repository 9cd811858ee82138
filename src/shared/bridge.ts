import type { ApiChannel, EventChannel } from './channels'
import type { ApiInput, ApiOutput, ArgusEvents } from './contract'
import type { Result } from './errors'

/**
 * What the Electron preload exposes as `window.argus`: one method per contract key, each
 * resolving to a Result (Electron passes only an error's message, so errors travel as data),
 * plus a subscription per pushed event channel.
 */
export interface ArgusBridge {
  api: { [K in ApiChannel]: (input: ApiInput<K>) => Promise<Result<ApiOutput<K>>> }
  subscribe<K extends EventChannel>(channel: K, listener: (payload: ArgusEvents[K]) => void): () => void
  /**
   * The local path of a file dropped on the window (a DOM `File`), for `imports:start`. The one
   * method beyond the contract: Electron no longer puts paths on dropped files.
   */
  pathForFile(file: object): string
}
