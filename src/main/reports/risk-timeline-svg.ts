import { severityOf, severityThresholds, type Severity } from '../../shared/severity'
import type { ScoredDayRow } from '../../shared/scoring-schemas'
import { escapeHtml, formatRisk } from './html'

// A user's scored days as a static bar chart: one bar per calendar day (days without activity
// leave a gap, so time reads truthfully), coloured by the severity thresholds, with the case's
// evidence days marked above their bars.

export const severityColors: Record<Severity, string> = { high: '#c0392b', medium: '#e08a1e', low: '#8a9aa9' }

const width = 680
const height = 190
const plot = { left: 34, right: 8, top: 18, bottom: 34 }
const plotWidth = width - plot.left - plot.right
const plotHeight = height - plot.top - plot.bottom
const dayMs = 86_400_000
/** Date labels under the axis; more would overlap at this width. */
const maxLabels = 8

const dayIndexOf = (date: string, first: number): number => Math.round((Date.parse(`${date}T00:00:00Z`) - first) / dayMs)
const yOf = (risk: number): number => plot.top + plotHeight * (1 - Math.min(1, Math.max(0, risk)))

/** The user's days, oldest first; `marked` holds the dates (YYYY-MM-DD) the case points at. */
export function riskTimelineSvg(days: readonly ScoredDayRow[], marked: ReadonlySet<string> = new Set()): string {
  if (days.length === 0) return '<p class="muted">No scored days.</p>'
  const first = Date.parse(`${days[0]!.date}T00:00:00Z`)
  const span = dayIndexOf(days.at(-1)!.date, first) + 1
  const slot = plotWidth / span
  const barWidth = Math.max(1, slot * 0.72)
  const xOf = (date: string): number => plot.left + dayIndexOf(date, first) * slot + (slot - barWidth) / 2

  const gridLines = [0, severityThresholds.medium, severityThresholds.high, 1].map((risk) => {
    const y = yOf(risk).toFixed(1)
    const dashed = risk === severityThresholds.medium || risk === severityThresholds.high ? ' stroke-dasharray="4 3"' : ''
    return `<line class="grid" x1="${plot.left}" x2="${width - plot.right}" y1="${y}" y2="${y}"${dashed}/><text class="axis" x="${plot.left - 4}" y="${(Number(y) + 3).toFixed(1)}" text-anchor="end">${risk.toFixed(2)}</text>`
  })
  const bars = days.map((day) => {
    const y = yOf(day.risk)
    const title = `${day.date}: risk ${formatRisk(day.risk)}, ${severityOf(day.risk)}`
    return `<rect x="${xOf(day.date).toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(plot.top + plotHeight - y).toFixed(1)}" fill="${severityColors[severityOf(day.risk)]}"><title>${escapeHtml(title)}</title></rect>`
  })
  const markers = days
    .filter((day) => marked.has(day.date))
    .map((day) => {
      const x = xOf(day.date) + barWidth / 2
      return `<path class="marker" d="M${(x - 4).toFixed(1)},${plot.top - 12} h8 l-4,7 z"/>`
    })
  const step = Math.ceil(span / maxLabels)
  // The last day is labelled too, unless it would crowd the label before it.
  const labelled = (day: ScoredDayRow): boolean => {
    const index = dayIndexOf(day.date, first)
    return index % step === 0 || (day === days.at(-1) && index % step >= step / 2)
  }
  const labels = days
    .filter(labelled)
    .map((day) => `<text class="axis" x="${(xOf(day.date) + barWidth / 2).toFixed(1)}" y="${height - plot.bottom + 14}" text-anchor="middle">${escapeHtml(day.date.slice(5))}</text>`)
  const caption = `${escapeHtml(days[0]!.date)} – ${escapeHtml(days.at(-1)!.date)}`
  return [
    `<svg class="chart timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Risk per day, ${caption}">`,
    ...gridLines,
    ...bars,
    ...markers,
    ...labels,
    `<text class="axis" x="${plot.left}" y="${height - 4}">${caption}</text>`,
    '</svg>',
  ].join('')
}
