import { PageHeader } from '../../components/PageHeader'
import { AboutSection } from './AboutSection'
import { ThemeSection } from './ThemeSection'
import { WorkspaceSection } from './WorkspaceSection'

export function SettingsPage() {
  return (
    <div className="page page-settings">
      <PageHeader title="Settings" />
      <ThemeSection />
      <WorkspaceSection />
      <AboutSection />
    </div>
  )
}
