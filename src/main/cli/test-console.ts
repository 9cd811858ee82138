import { afterEach, beforeEach, vi } from 'vitest'

/**
 * What a CLI test's commands print, captured per test: console.log lines (and, when asked,
 * whatever goes to stdout directly) in `output`, console.error lines in `errors`. The arrays are
 * emptied in place before each test, so callers may keep them from the start.
 */
export function captureConsole(options: { stdout?: boolean; quietStderr?: boolean } = {}): { output: string[]; errors: string[] } {
  const output: string[] = []
  const errors: string[] = []
  beforeEach(() => {
    output.length = 0
    errors.length = 0
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void output.push(parts.join(' ')))
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void errors.push(parts.join(' ')))
    if (options.stdout) {
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        output.push(String(chunk))
        return true
      })
    }
    // Progress bars go to stderr; a test only cares about the outcome.
    if (options.quietStderr) vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })
  return { output, errors }
}
