import { defineConfig } from '@playwright/test'
import { offlineChromiumFlags } from './src/main/reports/chromium'

// Debian's Chromium, never a downloaded browser (`npx playwright install` is not used here).
export const chromiumPath = process.env.ARGUS_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [...offlineChromiumFlags],
    },
  },
  projects: [
    { name: 'browser', testMatch: /serve\.(.*\.)?spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
