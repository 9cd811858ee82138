/** The scoring detectors in the order the engine reports them, with the names an analyst reads. */
export const alertDetectors = [
  { id: 'baseline', label: 'Baseline' },
  { id: 'markov', label: 'Sequences' },
  { id: 'iforest', label: 'Isolation forest' },
  { id: 'rules', label: 'Rules' },
  { id: 'ocean', label: 'OCEAN drift' },
] as const

export type AlertDetectorId = (typeof alertDetectors)[number]['id']

export function detectorLabel(id: string): string {
  return alertDetectors.find((detector) => detector.id === id)?.label ?? id
}

/** Scores and ratios to two decimals, counts as they are: `0.73`, `180`. */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}
