import { useMemo } from 'react'
import type { UserDetail } from '../../../shared/scoring-schemas'
import { Chart, type ChartOption } from './Chart'
import { riskPalette } from './risk-palette'

type Ocean = NonNullable<UserDetail['ocean']>
type Psychometric = UserDetail['profile']['psychometric']

export interface OceanRadarProps {
  ocean: Ocean
  /** CERT psychometric.csv row for the user, when one was imported. */
  psychometric: Psychometric
  theme: 'dark' | 'light'
}

const traits = [
  { key: 'openness', letter: 'O', label: 'Openness' },
  { key: 'conscientiousness', letter: 'C', label: 'Conscientiousness' },
  { key: 'extraversion', letter: 'E', label: 'Extraversion' },
  { key: 'agreeableness', letter: 'A', label: 'Agreeableness' },
  { key: 'neuroticism', letter: 'N', label: 'Neuroticism' },
] as const

/** The range of CERT's psychometric scores (IPIP, 10–50); a wider imported file widens it. */
const certScale = { low: 10, high: 50 }

/**
 * The behavioural OCEAN proxies of the baseline period against the recent one, with the CERT
 * psychometric scores as a third shape when they were imported.
 */
export function OceanRadar({ ocean, psychometric, theme }: OceanRadarProps) {
  const reference = useMemo(() => scaledPsychometric(psychometric), [psychometric])
  const option = useMemo((): ChartOption => {
    const palette = riskPalette[theme]
    const series = [
      { name: 'Baseline period', value: traits.map((trait) => round(ocean.baseline[trait.key])), itemStyle: { color: palette.muted }, areaStyle: { opacity: 0.12 } },
      { name: 'Recent', value: traits.map((trait) => round(ocean.recent[trait.key])), itemStyle: { color: palette.accent }, areaStyle: { opacity: 0.25 } },
    ]
    if (reference) {
      series.push({ name: 'CERT psychometric (scaled)', value: reference.values, itemStyle: { color: palette.medium }, areaStyle: { opacity: 0 } })
    }
    return {
      // Rich text, not HTML: the CSP refuses the inline styles of HTML tooltips' colour markers.
      tooltip: { trigger: 'item', renderMode: 'richText' },
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      radar: {
        radius: '62%',
        center: ['50%', '46%'],
        indicator: traits.map((trait) => ({ name: trait.label, min: 0, max: 1 })),
        axisName: { fontSize: 11 },
        splitNumber: 4,
      },
      series: [{ type: 'radar', symbolSize: 4, data: series }],
    }
  }, [ocean, reference, theme])

  const label =
    `OCEAN radar. ` +
    traits.map((trait) => `${trait.label} ${round(ocean.baseline[trait.key])} then ${round(ocean.recent[trait.key])}`).join(', ') +
    `; drift ${ocean.drift.toFixed(2)}`

  return (
    <figure className="ocean-radar">
      <Chart option={option} label={label} height={300} theme={theme} />
      <figcaption className="user-caption">
        Behavioural proxies, 0–1 (0.5 is typical): baseline period (the first 60 % of earlier days) against the recent days.
        {reference ? (
          <>
            {' '}CERT psychometric scores mapped to 0–1 as (score − {reference.low}) ÷ {reference.high - reference.low}, the
            range of the CERT scale{reference.widened ? ' widened to this user’s scores' : ''}.
          </>
        ) : (
          ' No psychometric reference was imported for this user.'
        )}
      </figcaption>
    </figure>
  )
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

interface ScaledReference {
  values: number[]
  low: number
  high: number
  widened: boolean
}

/** O/C/E/A/N from the imported row, each mapped onto 0–1; null when any is missing. */
function scaledPsychometric(row: Psychometric): ScaledReference | null {
  if (!row) return null
  const scores = traits.map((trait) => Number(row[trait.letter]))
  if (scores.some((score) => !Number.isFinite(score))) return null
  const low = Math.min(certScale.low, ...scores)
  const high = Math.max(certScale.high, ...scores)
  const widened = low < certScale.low || high > certScale.high
  return { values: scores.map((score) => round((score - low) / (high - low))), low, high, widened }
}
