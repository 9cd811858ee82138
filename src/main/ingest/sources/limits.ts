import type { ArchiveLimits } from './types'

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntryBytes: 8 * GiB,
  maxTotalBytes: 64 * GiB,
  maxRatio: 200,
  maxDepth: 4,
  maxEntries: 200_000,
}

/** Below this much output a high ratio is normal (a small file of repeated lines); above it, it is a bomb. */
export const ratioFloorBytes = 10 * MiB

/** An archive crossed one of the ArchiveLimits; the message is meant for the user. */
export class ArchiveLimitError extends Error {
  readonly limit: keyof ArchiveLimits
  constructor(limit: keyof ArchiveLimits, message: string) {
    super(message)
    this.name = 'ArchiveLimitError'
    this.limit = limit
  }
}

/** An archive or compressed stream is damaged (truncated, bad checksum, impossible header). */
export class ArchiveDamageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArchiveDamageError'
  }
}

export function resolveLimits(overrides: Partial<ArchiveLimits> | undefined): ArchiveLimits {
  return { ...defaultArchiveLimits, ...overrides }
}

/** `8 GiB`, `1.5 MiB`, `900 bytes`: sizes in messages people read. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [GiB, 'GiB'],
    [MiB, 'MiB'],
    [KiB, 'KiB'],
  ]
  for (const [unit, label] of units) {
    if (bytes >= unit) {
      const value = bytes / unit
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${label}`
    }
  }
  return `${bytes} bytes`
}

export function entryTooLarge(limits: ArchiveLimits): ArchiveLimitError {
  return new ArchiveLimitError('maxEntryBytes', `decompression bomb: entry over ${formatBytes(limits.maxEntryBytes)}`)
}

/** Throws once a decompression stream has produced more than the floor at a ratio over the limit. */
export function checkRatio(decompressed: number, compressed: number, limits: ArchiveLimits): void {
  if (decompressed <= ratioFloorBytes || decompressed <= limits.maxRatio * compressed) return
  const ratio = Math.round(decompressed / Math.max(compressed, 1))
  throw new ArchiveLimitError('maxRatio', `decompression bomb: ratio ${ratio}:1 over limit ${limits.maxRatio}:1`)
}
