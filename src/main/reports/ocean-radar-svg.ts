import type { UserDetail } from '../../shared/scoring-schemas'

// The user page's OCEAN radar, redrawn as static SVG: a report is read on paper and in files
// that must not run scripts, so no chart library comes along.

type Ocean = NonNullable<UserDetail['ocean']>
type Vector = Ocean['baseline']

const traits: readonly (keyof Vector)[] = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism']
// Wide enough for "Conscientiousness" beside the rim at the report's font size.
const width = 400
const height = 240
const centerX = width / 2
const centerY = 120
const radius = 82
/** Each trait lies in [0, 1] with 0.5 typical; the rings mark the quarters. */
const rings = [0.25, 0.5, 0.75, 1]
export const radarColors = { baseline: '#5b7fa6', recent: '#d9822b' } as const

/** Where a value sits on a trait's axis; 1 is the rim, labels sit a little beyond it. */
function point(index: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (index * 2 * Math.PI) / traits.length
  return [centerX + radius * value * Math.cos(angle), centerY + radius * value * Math.sin(angle)]
}

function polygon(values: readonly number[]): string {
  const clamped = values.map((value) => Math.min(1, Math.max(0, value)))
  return clamped.map((value, index) => point(index, value).map((coordinate) => coordinate.toFixed(1)).join(',')).join(' ')
}

function label(trait: string, index: number): string {
  const [x, y] = point(index, 1.14)
  const anchor = Math.abs(x - centerX) < 1 ? 'middle' : x < centerX ? 'end' : 'start'
  const name = trait[0]!.toUpperCase() + trait.slice(1)
  return `<text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="${anchor}">${name}</text>`
}

/** Baseline period against the recent one, each trait's axis from the centre (0) to the rim (1). */
export function oceanRadarSvg(ocean: Ocean): string {
  const grid = rings.map((ring) => `<polygon class="grid" points="${polygon(traits.map(() => ring))}"/>`)
  const axes = traits.map((_, index) => {
    const [x, y] = point(index, 1)
    return `<line class="grid" x1="${centerX}" y1="${centerY}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}"/>`
  })
  const series = (['baseline', 'recent'] as const).map(
    (period) =>
      `<polygon points="${polygon(traits.map((trait) => ocean[period][trait]))}" fill="${radarColors[period]}" fill-opacity="0.18" stroke="${radarColors[period]}" stroke-width="2"/>`,
  )
  const legend = (['baseline', 'recent'] as const).map(
    (period, index) =>
      `<rect x="${8 + index * 92}" y="${height - 16}" width="10" height="10" fill="${radarColors[period]}"/><text x="${22 + index * 92}" y="${height - 7}">${period === 'baseline' ? 'Baseline' : 'Last 7 days'}</text>`,
  )
  return [
    `<svg class="chart radar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="OCEAN radar, drift ${ocean.drift.toFixed(2)}">`,
    ...grid,
    ...axes,
    ...series,
    ...traits.map(label),
    ...legend,
    '</svg>',
  ].join('')
}
