import { useEffect, useRef, useState } from 'react'
import { usePaletteSearch } from '../hooks/use-palette-search'
import { routeHref, routes } from '../routes'
import { PaletteDialog, type PaletteItem } from './PaletteDialog'

/**
 * The command palette: Ctrl-K (Cmd-K on a Mac) anywhere opens it, again closes it. Mounted once
 * for the whole window; it listens for the shortcut itself.
 */
export function PaletteHost() {
  const [open, setOpen] = useState(false)
  // Where focus was, to put it back when the palette closes without going anywhere.
  const returnFocus = useRef<Element | null>(null)

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') return
      // Ctrl-K would otherwise focus the browser's search bar.
      event.preventDefault()
      setOpen((previous) => {
        if (!previous) returnFocus.current = document.activeElement
        return !previous
      })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  useEffect(() => {
    if (open) return
    const element = returnFocus.current
    returnFocus.current = null
    if (element instanceof HTMLElement && element.isConnected) element.focus()
  }, [open])

  if (!open) return null
  return (
    <PaletteSession
      onClose={() => setOpen(false)}
      onGo={(href) => {
        // The new page takes the focus, not whatever had it on the old one.
        returnFocus.current = null
        setOpen(false)
        window.location.hash = href
        document.getElementById('main')?.focus()
      }}
    />
  )
}

/** One opening of the palette: starts empty each time. */
function PaletteSession({ onClose, onGo }: { onClose: () => void; onGo: (href: string) => void }) {
  const [text, setText] = useState('')
  const search = usePaletteSearch(text)
  const needle = text.trim().toLowerCase()

  const items: PaletteItem[] = [
    ...routes
      .filter((route) => route.label.toLowerCase().includes(needle))
      .map((route): PaletteItem => ({ key: `page-${route.id}`, group: 'Pages', label: route.label, href: routeHref(route.id) })),
    ...(needle === ''
      ? []
      : search.users.map(
          (user): PaletteItem => ({
            key: `user-${user.user}`,
            group: 'Users',
            label: user.user,
            detail: [`risk ${user.risk.toFixed(2)}`, user.peerGroup, user.types.slice(0, 2).join(', ')].filter(Boolean).join(' · '),
            severity: user.severity,
            href: `#/users/${encodeURIComponent(user.user)}`,
          }),
        )),
    ...(needle === ''
      ? []
      : search.alerts.map(
          (alert): PaletteItem => ({
            key: `alert-${alert.id}`,
            group: 'Alerts',
            label: `${alert.user} · ${alert.date}`,
            detail: [`#${alert.id}`, `risk ${alert.risk.toFixed(2)}`, alert.status, alert.types.slice(0, 2).join(', ')].filter(Boolean).join(' · '),
            severity: alert.severity,
            href: `#/alerts?id=${alert.id}`,
          }),
        )),
  ]

  return (
    <PaletteDialog
      text={text}
      onTextChange={setText}
      items={items}
      loading={search.loading}
      error={search.error}
      onChoose={(item) => onGo(item.href)}
      onClose={onClose}
    />
  )
}
