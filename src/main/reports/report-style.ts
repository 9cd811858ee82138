import { cssString } from './html'
import { severityColors } from './risk-timeline-svg'

/** What every printed page repeats in its margins (CSS page margin boxes, Chromium ≥ 131). */
export interface RunningText {
  header: string
  footer: string
}

/**
 * The report's only style sheet, inline. Print rules keep it readable on A4: each user starts a
 * page, table rows, charts and alerts are not cut, headings stay with what follows, and colours
 * print (severity is read from them).
 */
export function reportStyle(running: RunningText): string {
  return `
@page {
  size: A4;
  margin: 16mm 14mm 18mm 14mm;
  @top-left { content: ${cssString(running.header)}; font: 8pt sans-serif; color: #667; }
  @bottom-left { content: ${cssString(running.footer)}; font: 7pt monospace; color: #667; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #667; }
}
:root { color-scheme: light; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.45 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; color: #1d232a; margin: 0 auto; max-width: 182mm; padding: 16px; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 19pt; margin: 0 0 4px; }
h2 { font-size: 14pt; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #c9d1da; }
h3 { font-size: 11.5pt; margin: 16px 0 6px; }
h4, h5, h6 { font-size: 10.5pt; margin: 10px 0 4px; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p { margin: 4px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #dde3ea; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td .mono { overflow-wrap: anywhere; }
th { background: #eef2f6; font-weight: 600; }
thead { display: table-header-group; }
tr, svg, figure, .keep, .note, blockquote, pre { break-inside: avoid; page-break-inside: avoid; }
td.number, th.number { text-align: right; white-space: nowrap; }
td.time { white-space: nowrap; }
.user, .page-start { break-before: page; page-break-before: always; }
.muted { color: #667; }
.mono, .hash, code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; }
.hash { font-size: 8.5pt; }
code { background: #f0f2f5; padding: 0 3px; border-radius: 3px; font-size: 8.5pt; }
pre { background: #f6f8fa; border: 1px solid #e1e6eb; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8.5pt; }
blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid #c9d1da; color: #445; }
.url { color: #556; font-size: 8.5pt; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; color: #fff; font-size: 8pt; font-weight: 600; }
.badge.high { background: ${severityColors.high}; }
.badge.medium { background: ${severityColors.medium}; }
.badge.low { background: ${severityColors.low}; }
.tag { display: inline-block; padding: 0 5px; margin-right: 3px; border: 1px solid #9fb3c8; border-radius: 3px; font-size: 8pt; }
.audit { border: 1px solid #c9d1da; border-radius: 4px; padding: 6px 10px; margin: 10px 0; }
.audit.ok { border-color: #3c8d5a; background: #f0f8f3; }
.audit.broken { border-color: #c0392b; background: #fbeeee; }
.audit strong { margin-right: 6px; }
header.report { border-bottom: 3px solid #1d232a; padding-bottom: 8px; margin-bottom: 10px; }
footer.report { border-top: 1px solid #c9d1da; margin-top: 24px; padding-top: 6px; font-size: 8.5pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0 10px; }
dl.facts dt { color: #556; }
dl.facts dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start; }
figure { margin: 4px 0; }
figcaption { font-size: 8.5pt; color: #556; }
svg.chart { max-width: 100%; height: auto; font: 10px "DejaVu Sans", sans-serif; }
svg.chart .grid { stroke: #c9d1da; fill: none; stroke-width: 1; }
svg.chart .axis { fill: #556; font-size: 9px; }
svg.chart .marker { fill: #1d232a; }
.alert { border-left: 4px solid ${severityColors.low}; padding-left: 10px; margin: 12px 0; }
.alert.high { border-left-color: ${severityColors.high}; }
.alert.medium { border-left-color: ${severityColors.medium}; }
.note { border: 1px solid #e1e6eb; border-radius: 4px; padding: 6px 10px; margin: 8px 0; }
`
}
