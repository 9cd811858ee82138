import { useEffect, useState } from 'react'
import { DropOverlay } from './components/DropOverlay'
import { Layout } from './components/Layout'
import { useCall } from './hooks/use-call'
import { useEvent } from './hooks/use-event'
import { useRoute } from './hooks/use-route'
import { useTheme } from './hooks/use-theme'
import { useWindowDrop } from './hooks/use-window-drop'
import { AlertsPage } from './pages/alerts/AlertsPage'
import { CasesPage } from './pages/cases/CasesPage'
import { DashboardPage } from './pages/dashboard/DashboardPage'
import { ImportPage } from './pages/import/ImportPage'
import { SettingsPage } from './pages/settings/SettingsPage'
import { UsersPage } from './pages/users/UsersPage'
import { routeLabel, type RouteId } from './routes'

export function App() {
  const route = useRoute()
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
    document.title = `${routeLabel(route)} · Argus`
  }, [route])

  return (
    <>
      <Layout
        route={route}
        workspacePath={workspace.data?.path ?? (workspace.error ? 'unavailable' : undefined)}
        readOnly={workspace.data?.readOnly ?? false}
        theme={theme}
        onToggleTheme={toggleTheme}
      >
        <Page key={`${route} ${generation}`} route={route} dragging={dragging} />
      </Layout>
      <DropOverlay visible={dragging && route !== 'import'} />
    </>
  )
}

function Page({ route, dragging }: { route: RouteId; dragging: boolean }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />
    case 'users':
      return <UsersPage />
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
