import type { ParseOutcome } from './types'

/**
 * Confidence from trying a parser on the first non-blank lines of a sample: when most of them
 * read, it is surely this format; when half do, likely; otherwise not.
 */
export function sniffByParsing(lines: readonly string[], read: (line: string) => ParseOutcome, tries = 20): number {
  let seen = 0
  let understood = 0
  for (const line of lines) {
    if (seen === tries) break
    if (line.trim() === '') continue
    seen++
    const outcome = read(line)
    if (outcome !== null && !('reject' in outcome) && !('fileError' in outcome)) understood++
  }
  if (seen === 0) return 0
  return understood >= seen * 0.8 ? 0.95 : understood >= seen * 0.5 ? 0.7 : 0
}
