import { readFile } from 'node:fs/promises'
import { evaluate } from '../eval/evaluate'
import { LabelsError, readLabels } from '../eval/labels'
import { formatReport, reportDocument } from '../eval/report'
import { type ClosableScoredSource, type ScoredSourceOpener, ScoredDocumentError, scoredSourceFromAnalysis } from '../eval/scored-source'
import { UsageError } from './usage'

export const evalOptions = {
  labels: { type: 'string' },
  k: { type: 'string' },
  json: { type: 'boolean' },
  scores: { type: 'string' },
  'labelled-only': { type: 'boolean' },
} as const

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file '${path}': ${(error as Error).message}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new UsageError(`the ${what} file '${path}' is not JSON: ${(error as Error).message}`)
  }
}

/**
 * `argus eval --labels FILE [--db FILE | --scores FILE] [--k N] [--labelled-only] [--json]`:
 * compares scored results with the ground truth of `argus generate` (or any labels file of that
 * shape). Results come from the workspace through `open`, or from a saved `argus analyze --json`
 * document with --scores.
 */
export function evalRunner(open: ScoredSourceOpener): (values: Record<string, unknown>, positionals: string[]) => Promise<number> {
  return async function runEval(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`eval takes no paths, got '${positionals.join(' ')}'`)
    if (typeof values.labels !== 'string') throw new UsageError('eval needs --labels FILE (the labels.json argus generate wrote)')
    const k = values.k === undefined ? undefined : Number(values.k)
    if (k !== undefined && (!Number.isInteger(k) || k < 1)) throw new UsageError(`--k must be a whole number of at least 1, got '${String(values.k)}'`)
    let labels
    try {
      labels = readLabels(await readJson(values.labels, 'labels'))
    } catch (error) {
      if (error instanceof LabelsError) throw new UsageError(`${values.labels}: ${error.message}`)
      throw error
    }
    let source: ClosableScoredSource
    if (typeof values.scores === 'string') {
      try {
        source = { ...scoredSourceFromAnalysis(await readJson(values.scores, 'scores')), close() {} }
      } catch (error) {
        if (error instanceof ScoredDocumentError) throw new UsageError(`${values.scores}: ${error.message}`)
        throw error
      }
    } else {
      source = await open(String(values.db))
    }
    try {
      const report = evaluate(labels, source, { ...(k !== undefined ? { k } : {}), labelledOnly: values['labelled-only'] === true })
      if (values.json === true) console.log(JSON.stringify(reportDocument(report)))
      else console.log(formatReport(report))
      return 0
    } finally {
      await source.close()
    }
  }
}
