import { Panel } from '../../components/Panel'
import { themes, useTheme } from '../../hooks/use-theme'

const themeLabels = { dark: 'Dark', light: 'Light' } as const

export function ThemeSection() {
  const { theme, setTheme } = useTheme()
  return (
    <Panel title="Theme">
      <fieldset className="radio-group">
        <legend className="visually-hidden">Colour theme</legend>
        {themes.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={theme === option}
              onChange={() => setTheme(option)}
            />
            {themeLabels[option]}
          </label>
        ))}
      </fieldset>
    </Panel>
  )
}
