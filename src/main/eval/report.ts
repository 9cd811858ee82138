import type { EvaluationReport } from './evaluate'

function number(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}

function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a'
}

/** The report as one JSON-safe value: NaN (undefined metric) becomes null. */
export function reportDocument(report: EvaluationReport): unknown {
  return JSON.parse(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value)))
}

/** The report as a readable table. */
export function formatReport(report: EvaluationReport): string {
  const lines: string[] = []
  lines.push(`users ranked        ${report.users} (${report.attackedUsers} attacked, ${report.unlabelled.count} not in the labels)`)
  lines.push(`recall@${report.k}`.padEnd(20) + percent(report.recallAtK) + '   share of attacked users in the top K')
  lines.push(`average precision   ${number(report.averagePrecision)}   of the user ranking`)
  lines.push(`user-day ROC AUC    ${number(report.dayAuc, 4)}   over ${report.days.scored} scored user-days, ${report.days.attacked} attacked` + (report.days.attackedUnscored > 0 ? ` (${report.days.attackedUnscored} attacked days never scored)` : ''))
  lines.push(`flagged days        ${report.days.flagged} at Medium or above, ${report.days.flaggedAttacked} of them attacked (precision ${percent(report.days.precision)})`)
  lines.push('')
  lines.push(`${'scenario'.padEnd(30)}${'days'.padStart(6)}${'flagged'.padStart(9)}${'recall'.padStart(9)}${'users'.padStart(8)}${'found'.padStart(7)}`)
  for (const scenario of report.scenarios) {
    lines.push(`${scenario.scenario.padEnd(30)}${String(scenario.days).padStart(6)}${String(scenario.flaggedDays).padStart(9)}${percent(scenario.recall).padStart(9)}${String(scenario.users).padStart(8)}${String(scenario.detectedUsers).padStart(7)}`)
  }
  lines.push('')
  lines.push('attacked users by rank:')
  for (const entry of report.attacked) {
    const place = entry.rank === null ? 'not ranked' : `#${entry.rank}${entry.rank <= report.k ? '' : ' (outside top K)'}`
    lines.push(`  ${entry.user.padEnd(16)} ${place.padEnd(22)} risk ${entry.risk === null ? '-' : number(entry.risk)}  ${entry.scenarios.join(', ')}`)
  }
  if (report.unlabelled.inTopK > 0) {
    const names = report.unlabelled.top.filter((entry) => entry.rank <= report.k).map((entry) => `${entry.user} (#${entry.rank})`)
    lines.push('')
    lines.push(`${report.unlabelled.inTopK} principals the labels do not list are in the top K: ${names.join(', ')}`)
  }
  return lines.join('\n')
}
