import { PageHeader } from '../../components/PageHeader'
import { AboutSection } from './AboutSection'
import { SyslogSection } from './SyslogSection'
import { ThemeSection } from './ThemeSection'
import { WorkspaceSection } from './WorkspaceSection'

export function SettingsPage() {
  return (
    <div className="page page-settings">
      <PageHeader title="Settings" />
      <ThemeSection />
      <WorkspaceSection />
      <SyslogSection />
      <AboutSection />
    </div>
  )
}
