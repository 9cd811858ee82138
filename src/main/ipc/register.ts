import { BrowserWindow, ipcMain } from 'electron'
import { apiChannels } from '../../shared/channels'
import type { Engine } from '../api/engine'
import { createIpcHandler } from './handlers'

/** Registers one `ipcMain.handle` per contract key and forwards pushed events to every window. */
export function registerIpc(currentEngine: () => Engine, devServerUrl: string | undefined): void {
  for (const channel of apiChannels) {
    ipcMain.handle(channel, createIpcHandler(channel, currentEngine, devServerUrl))
  }
}

/** Forwards an engine's pushed events to every open window; returns the unsubscribe. */
export function forwardEvents(engine: Engine): () => void {
  return engine.bus.subscribe((channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload)
  })
}
