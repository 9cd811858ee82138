import type { IpcMainInvokeEvent } from 'electron'
import type { ApiChannel } from '../../shared/channels'
import type { Result } from '../../shared/errors'
import { dispatch } from '../api/dispatch'
import type { Engine } from '../api/engine'

/** Pages the app itself loads: the dev server in development, the bundled files otherwise. */
export function isTrustedSender(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false
  if (devServerUrl && url.startsWith(devServerUrl)) return true
  return url.startsWith('file://')
}

/**
 * One IPC handler per contract key. It refuses frames the app did not load and otherwise hands
 * the raw input to the same dispatcher every door uses, so a bad request becomes a typed error.
 */
export function createIpcHandler(
  channel: ApiChannel,
  currentEngine: () => Engine,
  devServerUrl: string | undefined,
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event.senderFrame?.url, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: `${channel}: sender is not an Argus page` } }
    }
    return dispatch(currentEngine().handlers, channel, input)
  }
}
