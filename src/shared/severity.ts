export const severities = ['high', 'medium', 'low'] as const
export type Severity = (typeof severities)[number]

/** Risk at or above which a user-day is High / Medium; below Medium it is Low (DESIGN.md). */
export const severityThresholds = { high: 0.75, medium: 0.5 } as const

export function severityOf(risk: number): Severity {
  if (risk >= severityThresholds.high) return 'high'
  if (risk >= severityThresholds.medium) return 'medium'
  return 'low'
}
