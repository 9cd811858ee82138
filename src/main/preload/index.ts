import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { ArgusBridge } from '../../shared/bridge'
import { apiChannels, isEventChannel } from '../../shared/channels'

// Sandboxed preload: exposes exactly one method per contract key, one subscribe for the
// pushed-event channels and pathForFile for drag-and-drop. The renderer never sees ipcRenderer.

const api = Object.fromEntries(
  apiChannels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as ArgusBridge['api']

const subscribe: ArgusBridge['subscribe'] = (channel, listener) => {
  if (!isEventChannel(channel)) throw new Error(`unknown event channel '${String(channel)}'`)
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const pathForFile: ArgusBridge['pathForFile'] = (file) => webUtils.getPathForFile(file as File)

const bridge: ArgusBridge = { api, subscribe, pathForFile }
contextBridge.exposeInMainWorld('argus', bridge)
