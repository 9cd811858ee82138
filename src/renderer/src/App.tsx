import { useEffect, useState } from 'react'
import { DropOverlay } from './components/DropOverlay'
import { PaletteHost } from './components/PaletteHost'
import { Layout } from './components/Layout'
import { useCall } from './hooks/use-call'
import { useAuditCheck } from './hooks/use-audit'
import { useEvent } from './hooks/use-event'
import { useRoute, useRouteCase, useRouteUser } from './hooks/use-route'
import { useTheme } from './hooks/use-theme'
import { useWindowDrop } from './hooks/use-window-drop'
import { AlertsPage } from './pages/alerts/AlertsPage'
import { AuditPage } from './pages/cases/AuditPage'
import { CasePage } from './pages/cases/CasePage'
import { CasesPage } from './pages/cases/CasesPage'
import { DashboardPage } from './pages/dashboard/DashboardPage'
import { ImportPage } from './pages/import/ImportPage'
import { SettingsPage } from './pages/settings/SettingsPage'
import { UserPage } from './pages/user/UserPage'
import { UsersPage } from './pages/users/UsersPage'
import { routeLabel, type CaseRoute, type RouteId } from './routes'

export function App() {
  const route = useRoute()
  // `#/users/<name>`: the user page, which the sidebar counts as part of Users.
  const user = useRouteUser()
  // `#/cases/<id>` and `#/cases/audit`: sub-pages of Cases.
  const caseRoute = useRouteCase()
  const audit = useAuditCheck()
  const { theme, toggleTheme } = useTheme()
  const workspace = useCall('workspace:info', {})
  // Bumped when the workspace changes underneath us; remounting the page refetches all it shows.
  const [generation, setGeneration] = useState(0)
  // Files dropped on any page are imported; the Import page shows them arrive.
  const dragging = useWindowDrop()

  useEvent('workspace:changed', () => {
    setGeneration((previous) => previous + 1)
    workspace.reload()
  })

  useEffect(() => {
    document.title = user === null ? `${routeLabel(route)} · Argus` : `${user} · ${routeLabel(route)} · Argus`
  }, [route, user])

  return (
    <>
      <Layout
        route={route}
        workspacePath={workspace.data?.path ?? (workspace.error ? 'unavailable' : undefined)}
        readOnly={workspace.data?.readOnly ?? false}
        audit={{ check: audit.data, error: audit.error }}
        theme={theme}
        onToggleTheme={toggleTheme}
      >
        <Page key={`${route} ${user ?? ''} ${caseRoute ?? ''} ${generation}`} route={route} user={user} caseRoute={caseRoute} dragging={dragging} />
      </Layout>
      <DropOverlay visible={dragging && route !== 'import'} />
      <PaletteHost />
    </>
  )
}

function Page({ route, user, caseRoute, dragging }: { route: RouteId; user: string | null; caseRoute: CaseRoute | null; dragging: boolean }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />
    case 'users':
      return user === null ? <UsersPage /> : <UserPage user={user} />
    case 'alerts':
      return <AlertsPage />
    case 'cases':
      return caseRoute === null ? <CasesPage /> : caseRoute === 'audit' ? <AuditPage /> : <CasePage id={caseRoute} />
    case 'import':
      return <ImportPage dragging={dragging} />
    case 'settings':
      return <SettingsPage />
  }
}
