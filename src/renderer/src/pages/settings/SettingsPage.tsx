import { PageHeader } from '../../components/PageHeader'
import { useCall } from '../../hooks/use-call'
import { useScoringSettings } from '../../hooks/use-scoring-settings'
import { AboutSection } from './AboutSection'
import { AlertThresholdSection } from './AlertThresholdSection'
import { RulesSection } from './RulesSection'
import { SyslogSection } from './SyslogSection'
import { ThemeSection } from './ThemeSection'
import { TimeZoneSection } from './TimeZoneSection'
import { WeightsSection } from './WeightsSection'
import { WorkspaceSection } from './WorkspaceSection'

export function SettingsPage() {
  const workspace = useCall('workspace:info', {})
  // One copy of the scoring settings for both sections that edit it, and one rescoring status.
  const scoring = useScoringSettings()
  const readOnly = workspace.data?.readOnly ?? false
  return (
    <div className="page page-settings">
      <PageHeader title="Settings" />
      <ThemeSection />
      <WorkspaceSection workspace={workspace} />
      <TimeZoneSection workspace={workspace} scoring={scoring} readOnly={readOnly} />
      <div className="settings-columns">
        <WeightsSection scoring={scoring} readOnly={readOnly} />
        <AlertThresholdSection scoring={scoring} readOnly={readOnly} />
      </div>
      <RulesSection readOnly={readOnly} />
      <SyslogSection />
      <AboutSection />
    </div>
  )
}
