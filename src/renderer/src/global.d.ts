import type { ArgusBridge } from '../../shared/bridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by `argus serve`. */
    argus?: ArgusBridge
  }
}
