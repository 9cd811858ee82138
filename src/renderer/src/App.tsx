import { useEffect, useState } from 'react'
import { DropOverlay } from './components/DropOverlay'
import { PaletteHost } from './components/PaletteHost'
import { Layout } from './components/Layout'
import { useCall } from './hooks/use-call'
import { useEvent } from './hooks/use-event'
import { useRoute, useRouteUser } from './hooks/use-route'
import { useTheme } from './hooks/use-theme'
import { useWindowDrop } from './hooks/use-window-drop'
import { AlertsPage } from './pages/alerts/AlertsPage'
import { CasesPage } from './pages/cases/CasesPage'
import { DashboardPage } from './pages/dashboard/DashboardPage'
import { ImportPage } from './pages/import/ImportPage'
import { SettingsPage } from './pages/settings/SettingsPage'
import { UserPage } from './pages/user/UserPage'
import { UsersPage } from './pages/users/UsersPage'
import { routeLabel, type RouteId } from './routes'

export function App() {
  const route = useRoute()
  // `#/users/<name>`: the user page, which the sidebar counts as part of Users.
  const user = useRouteUser()
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
        theme={theme}
        onToggleTheme={toggleTheme}
      >
        <Page key={`${route} ${user ?? ''} ${generation}`} route={route} user={user} dragging={dragging} />
      </Layout>
      <DropOverlay visible={dragging && route !== 'import'} />
      <PaletteHost />
    </>
  )
}

function Page({ route, user, dragging }: { route: RouteId; user: string | null; dragging: boolean }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />
    case 'users':
      return user === null ? <UsersPage /> : <UserPage user={user} />
    case 'alerts':
      return <AlertsPage />
    case 'cases':
      return <CasesPage />
    case 'import':
      return <ImportPage dragging={dragging} />
    case 'settings':
      return <SettingsPage />
  }
}
