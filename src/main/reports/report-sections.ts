import type { Tag } from '../../shared/case-schemas'
import type { Alert } from '../../shared/scoring-schemas'
import type { CaseReportInput, ReportSource } from './case-report'
import { escapeHtml, formatRisk, formatTime } from './html'
import { renderMarkdown } from './markdown'
import { emptyNote, factList, severityBadge, table, tagChips, typeList } from './report-parts'
import { userAnchor, usersByRisk, usersTable } from './report-users'

const verdictText: Record<NonNullable<Alert['verdict']>, string> = { true_positive: 'True positive', false_positive: 'False positive' }

/** The earliest and latest moment the case's evidence covers, or null when it holds none with a time. */
function timeSpan(input: CaseReportInput): { from: number; to: number } | null {
  const moments = [
    ...input.detail.evidence.flatMap((evidence) => [evidence.from, evidence.to]).filter((ts): ts is number => ts !== null),
    ...input.pinnedEvents.map((event) => event.ts),
  ]
  if (moments.length === 0) return null
  return moments.reduce((span, ts) => ({ from: Math.min(span.from, ts), to: Math.max(span.to, ts) }), { from: Infinity, to: -Infinity })
}

export function summarySection(input: CaseReportInput): string {
  const { counts } = input.detail.case
  const alerts = input.detail.alerts
  const top = usersByRisk(input)[0]
  const span = timeSpan(input)
  const bySeverity = (['high', 'medium', 'low'] as const).map((severity) => `${alerts.filter((alert) => alert.severity === severity).length} ${severity}`)
  const judged = (verdict: Alert['verdict']): number => alerts.filter((alert) => alert.verdict === verdict).length
  const facts = factList([
    ['Evidence', `${counts.users} users, ${counts.alerts} alerts, ${counts.events} pinned events, ${counts.ranges} time ranges, ${counts.notes} notes, ${input.detail.tags.length} tags`],
    ['Alerts', `${bySeverity.join(', ')}; ${judged('true_positive')} true positive, ${judged('false_positive')} false positive, ${judged(null)} without a verdict`],
    [
      'Top risk',
      top ? `<a href="#${userAnchor(0)}">${escapeHtml(top.user.user)}</a> ${formatRisk(top.user.risk)} ${severityBadge(top.user.severity)} (riskiest day ${escapeHtml(top.user.topDate)})` : 'no scored users',
    ],
    ['Time span', span ? `${formatTime(span.from, input.timeZone)} – ${formatTime(span.to, input.timeZone)} (${escapeHtml(input.timeZone)})` : 'no timed evidence'],
  ])
  return ['<section id="summary">', '<h2>Summary</h2>', facts, '<h3>Users</h3>', usersTable(input), '</section>'].join('\n')
}

/** Alerts riskiest first, each with the scored day behind it: summary, facts and verdict. */
export function alertsSection(input: CaseReportInput): string {
  const alerts = [...input.detail.alerts].sort((a, b) => b.risk - a.risk || a.id - b.id)
  const body = alerts.map((alert) => {
    const day = input.users.find((user) => user.user.user === alert.user)?.days.find((candidate) => candidate.date === alert.date)
    const tags = tagChips(input.detail.tags, 'alert', String(alert.id))
    const facts = factList([
      ['Risk', `${formatRisk(alert.risk)} ${severityBadge(alert.severity)}`],
      ['Anomaly types', typeList(alert.types)],
      ['Status', escapeHtml(alert.status)],
      ['Verdict', alert.verdict ? `<strong>${verdictText[alert.verdict]}</strong>` : '<span class="muted">no verdict yet</span>'],
      ...(tags ? [['Tags', tags] as const] : []),
    ])
    const explanation = day
      ? [
          day.summary ? `<p>${escapeHtml(day.summary)}</p>` : '',
          table(
            [{ label: 'detector' }, { label: 'fact' }, { label: 'value', kind: 'number' }, { label: 'usual', kind: 'number' }, { label: 'z', kind: 'number' }],
            day.facts.map((fact) => [
              escapeHtml(fact.detector),
              escapeHtml(fact.text),
              escapeHtml(typeof fact.value === 'number' ? formatNumber(fact.value) : fact.value),
              fact.baseline === null ? '' : formatNumber(fact.baseline),
              fact.z === null ? '' : fact.z.toFixed(1),
            ]),
          ),
        ].join('')
      : emptyNote('The scored day behind this alert is not in the workspace any more (re-scored since).')
    return [
      `<article class="alert ${alert.severity}">`,
      `<h3>Alert #${alert.id}: ${escapeHtml(alert.user)}, ${escapeHtml(alert.date)}</h3>`,
      facts,
      explanation,
      '</article>',
    ].join('\n')
  })
  return ['<section id="alerts" class="page-start">', '<h2>Alerts</h2>', ...(body.length ? body : [emptyNote('No alerts are attached to this case.')]), '</section>'].join('\n')
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

export function notesSection(input: CaseReportInput): string {
  const notes = [...input.detail.notes].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
  const body = notes.map((note) => {
    const edited = note.revision > 1 ? `, edited ${formatTime(note.updatedAt, input.timeZone)} (revision ${note.revision})` : ''
    return [
      '<article class="note">',
      `<p class="muted">Note #${note.id} by ${escapeHtml(note.author)}, ${formatTime(note.createdAt, input.timeZone)}${edited}</p>`,
      renderMarkdown(note.body),
      '</article>',
    ].join('\n')
  })
  return ['<section id="notes">', '<h2>Notes</h2>', ...(body.length ? body : [emptyNote('No notes.')]), '</section>'].join('\n')
}

function tagTarget(tag: Tag): string {
  return tag.target === 'user' ? `user ${escapeHtml(tag.key)}` : `${tag.target} #${escapeHtml(tag.key)}`
}

export function tagsSection(input: CaseReportInput): string {
  const rows = input.detail.tags.map((tag) => [`<span class="tag">${escapeHtml(tag.tag)}</span>`, tagTarget(tag), escapeHtml(tag.author), formatTime(tag.addedAt, input.timeZone)])
  const body = rows.length ? table([{ label: 'tag' }, { label: 'on' }, { label: 'by' }, { label: 'added', kind: 'time' }], rows) : emptyNote('No tags.')
  return ['<section id="tags">', '<h2>Tags</h2>', body, '</section>'].join('\n')
}

/** Where an event came from: the file (and archive entry) and line, so it can be found again. */
function provenance(sourceId: number, lineNo: number, sources: ReadonlyMap<number, ReportSource>): string {
  const source = sources.get(sourceId)
  const file = source ? `${source.path}${source.entry ? ` ▸ ${source.entry}` : ''}` : `source #${sourceId}`
  return `<span class="mono">${escapeHtml(file)}:${lineNo}</span>`
}

export function evidenceSection(input: CaseReportInput): string {
  const sources = new Map((input.sources ?? []).map((source) => [source.id, source]))
  const events = input.pinnedEvents.map((event) => [
    formatTime(event.ts, input.timeZone),
    escapeHtml(event.user ?? ''),
    escapeHtml(event.host ?? ''),
    `${escapeHtml(event.action)}${event.outcome === 'success' ? '' : ` (${escapeHtml(event.outcome)})`}`,
    `<span class="mono">${escapeHtml(event.object ?? '')}</span>${tagChips(input.detail.tags, 'event', String(event.id))}`,
    provenance(event.sourceId, event.lineNo, sources),
  ])
  const ranges = input.detail.evidence
    .filter((evidence) => evidence.kind === 'range')
    .map((range) => [
      escapeHtml(range.label ?? ''),
      escapeHtml(range.user ?? 'everyone'),
      range.from === null ? '' : formatTime(range.from, input.timeZone),
      range.to === null ? '' : formatTime(range.to, input.timeZone),
      `${escapeHtml(range.author)}, ${formatTime(range.addedAt, input.timeZone)}`,
    ])
  return [
    '<section id="evidence">',
    '<h2>Pinned evidence</h2>',
    '<h3>Events</h3>',
    events.length
      ? table([{ label: 'time', kind: 'time' }, { label: 'user' }, { label: 'host' }, { label: 'action' }, { label: 'object' }, { label: 'source : line' }], events)
      : emptyNote('No events are pinned to this case.'),
    '<h3>Time ranges</h3>',
    ranges.length ? table([{ label: 'label' }, { label: 'user' }, { label: 'from', kind: 'time' }, { label: 'to', kind: 'time' }, { label: 'added by' }], ranges) : emptyNote('No time ranges.'),
    '</section>',
  ].join('\n')
}
