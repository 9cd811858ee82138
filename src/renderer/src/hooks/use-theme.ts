import { useEffect, useSyncExternalStore } from 'react'

export const themes = ['dark', 'light'] as const
export type Theme = (typeof themes)[number]

export interface ThemeControls {
  theme: Theme
  setTheme: (theme: Theme) => void
  toggleTheme: () => void
}

const storageKey = 'argus.theme'
const listeners = new Set<() => void>()
let current: Theme | undefined

// One store for the whole window, so the header toggle and the Settings radios never disagree.
function readStoredTheme(): Theme {
  try {
    return localStorage.getItem(storageKey) === 'light' ? 'light' : 'dark'
  } catch {
    return 'dark'
  }
}

function snapshot(): Theme {
  current ??= readStoredTheme()
  return current
}

function subscribeToTheme(listener: () => void): () => void {
  // Another window of the same origin changed it.
  function onStorage(event: StorageEvent): void {
    if (event.key !== storageKey) return
    current = readStoredTheme()
    listener()
  }
  listeners.add(listener)
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

function setTheme(theme: Theme): void {
  current = theme
  try {
    localStorage.setItem(storageKey, theme)
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  for (const listener of listeners) listener()
}

function toggleTheme(): void {
  setTheme(snapshot() === 'dark' ? 'light' : 'dark')
}

/** Dark by default; the choice is kept in localStorage and applied as `data-theme` on <html>. */
export function useTheme(): ThemeControls {
  const theme = useSyncExternalStore(subscribeToTheme, snapshot)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return { theme, setTheme, toggleTheme }
}
