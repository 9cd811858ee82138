import type { IngestProgress } from '../../shared/contract'

/**
 * Import progress on stderr: one redrawn line on a terminal, a line every few seconds otherwise
 * (CI logs, pipes), so stdout stays clean for results and --json.
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): { update(progress: IngestProgress): void; end(): void } {
  const interactive = stream.isTTY === true
  let lastLine = 0
  let drawn = false
  return {
    update(progress) {
      const now = Date.now()
      if (!interactive && now - lastLine < 3000 && progress.state === 'running') return
      lastLine = now
      const line = describe(progress, interactive ? (stream.columns ?? 100) : 200)
      if (interactive) {
        stream.write(`\r${line}\x1b[K`)
        drawn = true
      } else {
        stream.write(`${line}\n`)
      }
    },
    end() {
      if (interactive && drawn) stream.write('\n')
    },
  }
}

export function describe(progress: IngestProgress, width: number): string {
  const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : 0
  const cells = 24
  const filled = Math.round(fraction * cells)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(cells - filled)}]`
  const parts = [
    bar,
    `${Math.round(fraction * 100)}%`.padStart(4),
    `${megabytes(progress.bytesDone)}/${megabytes(progress.bytesTotal)} MB`,
    `${progress.events.toLocaleString('en-US')} events`,
    `${progress.rejects.toLocaleString('en-US')} rejects`,
    `${Math.round(progress.eventsPerSecond / 1000)}k ev/s`,
    progress.currentEntry ?? progress.state,
  ]
  const line = parts.join('  ')
  return line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1)
}
