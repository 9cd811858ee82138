import { expect, test } from '@playwright/test'
import { startArgusServe, type ServedWorkspace } from './helpers/argus-serve'
import { latestMigration } from '../src/main/store/migrations'

// The real renderer in Debian's Chromium, talking to the real engine through `argus serve`.

let served: ServedWorkspace
test.beforeAll(async () => {
  served = await startArgusServe()
})
test.afterAll(async () => {
  await served?.stop()
})

const pages = ['Dashboard', 'Users', 'Alerts', 'Cases', 'Import', 'Settings'] as const

test('refuses the UI without the token', async ({ page }) => {
  const response = await page.goto(served.origin + '/')
  expect(response?.status()).toBe(401)
  await expect(page.locator('body')).toContainText('needs the token')
})

test('opens with the token and visits every page', async ({ page }, testInfo) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })

  await page.goto(served.url)
  // The token leaves the address bar once the app has it.
  await expect(page).not.toHaveURL(/token=/)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()

  for (const name of pages) {
    await page.getByRole('link', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page')
    await page.waitForLoadState('networkidle')
    const path = testInfo.outputPath(`${name.toLowerCase()}.png`)
    await page.screenshot({ path, fullPage: true })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
  expect(problems).toEqual([])
})

test('shows real workspace data on the dashboard and settings', async ({ page }) => {
  await page.goto(served.url)
  // 60 seeded events over 5 days, 1 import.
  await expect(page.getByRole('main')).toContainText('60')
  await expect(page.getByRole('table')).toContainText('alice')
  await page.getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('main')).toContainText(latestMigration)
  await expect(page.getByRole('main')).toContainText('e2e.db')
})

test('switches between the dark and the light theme and remembers it', async ({ page }) => {
  await page.goto(served.url)
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-theme', 'dark')
  const darkBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
  await page.getByRole('button', { name: /theme/i }).click()
  await expect(root).toHaveAttribute('data-theme', 'light')
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(darkBackground)
  await page.reload()
  await expect(root).toHaveAttribute('data-theme', 'light')
})
