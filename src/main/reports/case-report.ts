import type { CaseDetail, ExportFile } from '../../shared/case-schemas'
import type { UserDetail } from '../../shared/scoring-schemas'
import type { EventRow } from '../../shared/contract'
import { printToPdf } from './chromium'
import { caseReportHtml } from './report-html'

/** Everything a case report shows, gathered by the caller from the workspace. */
export interface CaseReportInput {
  detail: CaseDetail
  /** users:detail of every user the case names. */
  users: UserDetail[]
  /** The events pinned to the case, oldest first. */
  pinnedEvents: EventRow[]
  /** The audit chain's head hash when the report was made, and whether the chain verified. */
  audit: { headHash: string; ok: boolean; entries: number }
  generatedAt: number
  timeZone: string
  /**
   * The imports the pinned events came from, so provenance reads as a file and line rather than
   * a source id. Optional: without it the report shows `source #id`.
   */
  sources?: ReportSource[]
}

/** One import as the report names it: the file, and the entry inside an archive when there is one. */
export interface ReportSource {
  id: number
  path: string
  entry: string | null
}

/** Turns the report's HTML into PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Buffer>

/**
 * The case as one self-contained HTML file (no external resources, no scripts), or that file
 * printed to PDF: by headless Chromium unless the caller brings its own printer (the Electron
 * shell can print with webContents.printToPDF, preferCSSPageSize and printBackground on).
 */
export async function renderCaseReport(input: CaseReportInput, format: 'html' | 'pdf', print: PdfPrinter = printToPdf): Promise<ExportFile> {
  const html = caseReportHtml(input)
  const baseName = reportFileName(input.detail.case.id, input.detail.case.title)
  if (format === 'html') {
    return { fileName: `${baseName}.html`, mimeType: 'text/html; charset=utf-8', encoding: 'utf8', data: html, rows: null, truncated: false }
  }
  const pdf = await print(html)
  return { fileName: `${baseName}.pdf`, mimeType: 'application/pdf', encoding: 'base64', data: pdf.toString('base64'), rows: null, truncated: false }
}

/** `case-12-phishing-follow-up`: safe on every file system, recognisable in a downloads folder. */
export function reportFileName(caseId: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug ? `case-${caseId}-${slug}` : `case-${caseId}`
}
