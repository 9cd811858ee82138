import type { Severity } from '../../../shared/severity'

/** The severity colours of styles/theme.css, for canvases (ECharts) that cannot read CSS variables. */
export const riskPalette: Record<'dark' | 'light', Record<Severity, string> & { accent: string; muted: string; bars: string }> = {
  dark: { high: '#f2555a', medium: '#f0a83a', low: '#3fb96b', accent: '#4c9aff', muted: '#8392a5', bars: '#33455a' },
  light: { high: '#c8252c', medium: '#a35f00', low: '#1a7f37', accent: '#1f6feb', muted: '#5d6b7c', bars: '#bcc6d3' },
}
