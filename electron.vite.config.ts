import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { resolve } from 'node:path'

// One build for every door: out/main (Electron main, the CLI and the worker), out/preload and
// out/renderer (served by both the Electron window and `argus serve`).
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/main/preload/index.ts') },
        // Sandboxed preloads must be CommonJS; .cjs because the package is "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      minify: true,
      rolldownOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react(), devScriptPolicy()],
  },
})

/**
 * `electron-vite dev` only: React Refresh needs one inline preamble script, which the strict
 * Content-Security-Policy in index.html forbids. The built app keeps the strict policy.
 */
function devScriptPolicy(): Plugin {
  return {
    name: 'argus:dev-script-policy',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  }
}
