import type { MouseEvent, ReactNode } from 'react'
import type { Theme } from '../hooks/use-theme'
import { routeHref, routes, type RouteId } from '../routes'
import { AuditBadge, type AuditBadgeProps } from './AuditBadge'

export interface LayoutProps {
  route: RouteId
  /** undefined while the workspace is being read or when it could not be. */
  workspacePath: string | undefined
  readOnly: boolean
  /** The audit chain's last verification, shown as a badge in the top bar. */
  audit: AuditBadgeProps
  theme: Theme
  onToggleTheme: () => void
  children: ReactNode
}

export function Layout({ route, workspacePath, readOnly, audit, theme, onToggleTheme, children }: LayoutProps) {
  const otherTheme = theme === 'dark' ? 'light' : 'dark'
  return (
    <div className="layout">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Pages">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Argus
        </div>
        <ul className="nav-list">
          {routes.map(({ id, label }) => (
            <li key={id}>
              <a className="nav-link" href={routeHref(id)} aria-current={id === route ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <header className="topbar">
        <div className="workspace" title={workspacePath}>
          <span className="workspace-label">Workspace</span>
          <span className="workspace-path">{workspacePath ?? '…'}</span>
          {readOnly ? <span className="badge badge-read-only">Read-only</span> : null}
          <AuditBadge check={audit.check} error={audit.error} />
        </div>
        <button type="button" className="button button-quiet" onClick={onToggleTheme}>
          Switch to {otherTheme} theme
        </button>
      </header>
      <main id="main" className="main" role="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}

// A plain `#main` link would replace the route in the hash; move focus instead.
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault()
  document.getElementById('main')?.focus()
}
