import { useMemo, useSyncExternalStore } from 'react'

/** The theme's colours as values: ECharts draws on a canvas and cannot read CSS variables. */
export interface DashboardPalette {
  theme: 'dark' | 'light'
  high: string
  medium: string
  low: string
  accent: string
  text: string
  muted: string
  border: string
}

function subscribeToTheme(listener: () => void): () => void {
  const observer = new MutationObserver(listener)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => observer.disconnect()
}

function currentTheme(): 'dark' | 'light' {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark'
}

function variable(styles: CSSStyleDeclaration, name: string, fallback: string): string {
  return styles.getPropertyValue(name).trim() || fallback
}

/** Read once per theme, after `data-theme` changed (so the variables already hold the new theme). */
export function useDashboardPalette(): DashboardPalette {
  const theme = useSyncExternalStore(subscribeToTheme, currentTheme)
  return useMemo(() => {
    const styles = getComputedStyle(document.documentElement)
    return {
      theme,
      high: variable(styles, '--severity-high', '#f2555a'),
      medium: variable(styles, '--severity-medium', '#f0a83a'),
      low: variable(styles, '--severity-low', '#3fb96b'),
      accent: variable(styles, '--accent', '#4c9aff'),
      text: variable(styles, '--text', '#d6dee8'),
      muted: variable(styles, '--muted', '#8392a5'),
      border: variable(styles, '--border', '#243141'),
    }
  }, [theme])
}
