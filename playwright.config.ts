import { defineConfig } from '@playwright/test'

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
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: /serve\.(.*\.)?spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
