import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'

/**
 * electron-vite turns `import path from './x?modulePath'` into the path of a separately built
 * bundle. Under the test runner there is no bundle, so the import yields the TypeScript source's
 * path and the worker pool starts it with tsx.
 */
function modulePathFromSource(): Plugin {
  const prefix = '\0module-path:'
  return {
    name: 'argus:module-path-from-source',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('?modulePath')) return null
      const resolved = await this.resolve(source.slice(0, -'?modulePath'.length), importer)
      return resolved ? prefix + resolved.id : null
    },
    load(id) {
      return id.startsWith(prefix) ? `export default ${JSON.stringify(resolve(id.slice(prefix.length)))}` : null
    },
  }
}

export default defineConfig({
  plugins: [modulePathFromSource()],
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
})
