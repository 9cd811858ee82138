import type { UserDetail } from '../../shared/scoring-schemas'
import type { CaseReportInput } from './case-report'
import { escapeHtml, formatRisk, formatTime } from './html'
import { oceanRadarSvg } from './ocean-radar-svg'
import { emptyNote, factList, severityBadge, table, tagChips, typeList } from './report-parts'
import { riskTimelineSvg } from './risk-timeline-svg'

/** Anchor of a user's page, by position: user names are free text and make poor ids. */
export const userAnchor = (index: number): string => `user-${index + 1}`

/** The users the report shows, riskiest first (the order of the summary table and the pages). */
export function usersByRisk(input: CaseReportInput): UserDetail[] {
  return [...input.users].sort((a, b) => b.user.risk - a.user.risk || a.user.user.localeCompare(b.user.user))
}

/** The days the case points at for one user: its alerts, pinned events and ranges. */
function evidenceDates(input: CaseReportInput, user: string): Set<string> {
  const dates = new Set<string>()
  for (const alert of input.detail.alerts) if (alert.user === user) dates.add(alert.date)
  for (const event of input.pinnedEvents) if (event.user === user) dates.add(formatTime(event.ts, input.timeZone, true))
  for (const evidence of input.detail.evidence) {
    if (evidence.kind !== 'range' || evidence.user !== user || evidence.from === null || evidence.to === null) continue
    // Day by day through the range, capped so a careless year-long range stays cheap.
    for (let ts = evidence.from, count = 0; ts <= evidence.to && count < 366; ts += 86_400_000, count++) {
      dates.add(formatTime(ts, input.timeZone, true))
    }
  }
  return dates
}

function oceanFigure(ocean: UserDetail['ocean']): string {
  if (!ocean) return emptyNote('OCEAN radar: not enough history yet.')
  const traits = Object.keys(ocean.baseline) as (keyof typeof ocean.baseline)[]
  const rows = traits.map((trait) => [escapeHtml(trait), ocean.baseline[trait].toFixed(2), ocean.recent[trait].toFixed(2)])
  return [
    '<figure>',
    oceanRadarSvg(ocean),
    `<figcaption>OCEAN proxies, baseline period against the last 7 days; drift ${ocean.drift.toFixed(2)}.</figcaption>`,
    '</figure>',
    `<div class="keep">${table([{ label: 'trait' }, { label: 'baseline', kind: 'number' }, { label: 'recent', kind: 'number' }], rows)}</div>`,
  ].join('')
}

/** One user's page: risk, severity, peer group, tags, summary, radar and timeline. */
export function userSection(input: CaseReportInput, detail: UserDetail, index: number): string {
  const { user } = detail
  const tags = tagChips(input.detail.tags, 'user', user.user)
  const facts = factList([
    ['Risk', `${formatRisk(user.risk)} ${severityBadge(user.severity)}`],
    ['Peer group', escapeHtml(user.peerGroup)],
    ['Activity', `${user.days} scored days, ${user.events.toLocaleString('en-US')} events, ${escapeHtml(user.firstSeen)} – ${escapeHtml(user.lastSeen)}`],
    ['Riskiest day', escapeHtml(user.topDate)],
    ['Anomaly types', typeList(user.types)],
    ...(tags ? [['Tags', tags] as const] : []),
  ])
  const timeline = riskTimelineSvg(detail.days, evidenceDates(input, user.user))
  return [
    `<section class="user" id="${userAnchor(index)}">`,
    `<h2>User ${escapeHtml(user.user)}</h2>`,
    facts,
    user.summary ? `<p>${escapeHtml(user.summary)}</p>` : '',
    '<h3>Behaviour profile</h3>',
    `<div class="figures">${oceanFigure(detail.ocean)}</div>`,
    '<h3>Risk per day</h3>',
    `<figure>${timeline}<figcaption>Bars coloured by severity (High ≥ 0.75, Medium ≥ 0.5); ▼ marks days this case points at.</figcaption></figure>`,
    '</section>',
  ].join('\n')
}

/** The summary's table of users, each linking to its page. */
export function usersTable(input: CaseReportInput): string {
  const shown = usersByRisk(input)
  const rows = shown.map(({ user }, index) => [
    `<a href="#${userAnchor(index)}">${escapeHtml(user.user)}</a>`,
    formatRisk(user.risk),
    severityBadge(user.severity),
    escapeHtml(user.peerGroup),
    typeList(user.types),
  ])
  // A user the case names but the latest scoring run does not know is listed, not dropped.
  const scored = new Set(shown.map(({ user }) => user.user))
  const unscored = input.detail.users.filter((user) => !scored.has(user.user))
  for (const user of unscored) rows.push([escapeHtml(user.user), formatRisk(user.risk), severityBadge(user.severity), escapeHtml(user.peerGroup), typeList(user.types)])
  if (rows.length === 0) return emptyNote('The case names no users.')
  return table([{ label: 'user' }, { label: 'risk', kind: 'number' }, { label: 'severity' }, { label: 'peer group' }, { label: 'anomaly types' }], rows)
}
