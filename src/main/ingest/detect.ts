import type { LogParser, Sample } from '../parsers/types'

/** Below this, no parser is sure enough and the file is reported as not a known log. */
export const minimumConfidence = 0.3

export function makeSample(name: string, head: Buffer): Sample {
  const text = head.toString('utf8')
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/, 200)
  return { name, head, lines }
}

export type Detection = { parser: LogParser<never>; confidence: number } | { error: string }

/** Picks the parser for a file: the named one when the user chose, else the most confident sniff. */
export function detectFormat(parsers: readonly LogParser<never>[], sample: Sample, override?: string): Detection {
  if (override) {
    const parser = parsers.find((candidate) => candidate.name === override)
    if (!parser) return { error: `unknown format '${override}'; known formats: ${parsers.map((p) => p.name).join(', ')}` }
    return { parser, confidence: 1 }
  }
  let best: { parser: LogParser<never>; confidence: number } | null = null
  for (const parser of parsers) {
    let confidence = 0
    try {
      confidence = parser.sniff(sample)
    } catch {
      // A sniffer that trips over odd bytes simply does not claim the file.
    }
    if (!best || confidence > best.confidence) best = { parser, confidence }
    // A magic number (EVTX's `ElfFile`) is certainty: asking the text sniffers costs time for nothing.
    if (confidence >= 1) break
  }
  if (best && best.confidence >= minimumConfidence) return best
  return { error: notALogReason(sample) }
}

function notALogReason(sample: Sample): string {
  if (sample.head.length === 0) return 'empty file: nothing to import'
  let control = 0
  for (const byte of sample.head.subarray(0, 4096)) {
    if (byte === 0 || (byte < 0x09) || (byte > 0x0d && byte < 0x20)) control += 1
  }
  if (control > 0) return 'not a log file: binary content that no parser recognizes'
  const first = (sample.lines.find((line) => line.trim() !== '') ?? '').slice(0, 120)
  return `not a recognized log format (first line: "${first}"); choose a format explicitly if you know it`
}
