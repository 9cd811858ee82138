import { expect, test, type Page } from '@playwright/test'
import { callApi, serveAnalyzedForFile } from './helpers/analyzed'
import { snap, watchProblems } from './helpers/page-checks'

// The Dashboard and the Alerts screen against a generated organisation the real CLI analyzed
// (60 users over 30 days, seed 5: about ten Medium alerts, no verdicts yet). The tests run in
// order on one workspace: triage in one is what the next finds counted.

const served = serveAnalyzedForFile()

/** A figure of the KPI strip, as shown ("1,234"). */
async function kpi(page: Page, label: string): Promise<string> {
  const card = page.locator('.kpi-card', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
  return (await card.locator('.kpi-value').textContent()) ?? ''
}


const feedRows = (page: Page) => page.locator('.alert-feed-table tbody tr')

interface Alerts {
  items: { id: number; severity: string; status: string }[]
}

/** The workspace's High and Medium alerts, as the engine lists them (fewer than one page here). */
async function listAlerts(page: Page): Promise<Alerts['items']> {
  return (await callApi<Alerts>(page, 'alerts:list', { limit: 1000 })).items
}

/** The API channels the page calls from now on, in order. */
function watchCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const match = /\/api\/([a-z]+:[A-Za-z]+)$/.exec(new URL(request.url()).pathname)
    if (match?.[1]) calls.push(`${match[1]} ${request.postData() ?? ''}`)
  })
  return calls
}

interface Stats {
  total: number
  bySeverity: { high: number; medium: number }
  byStatus: { open: number }
  byType: { type: string; alerts: number }[]
  days: { date: string }[]
  users: { total: number; high: number; medium: number }
}

test('the dashboard reads its figures from alerts:stats, not by paging through alerts', async ({ page }) => {
  const problems = watchProblems(page)
  const calls = watchCalls(page)
  await page.goto(served.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  const stats = await callApi<Stats>(page, 'alerts:stats', {})
  expect(stats.total).toBeGreaterThan(3)
  await expect.poll(() => kpi(page, 'Medium alerts')).toBe(String(stats.bySeverity.medium))
  expect(await kpi(page, 'High alerts')).toBe(String(stats.bySeverity.high))
  expect(await kpi(page, 'Open alerts')).toBe(String(stats.byStatus.open))
  expect(await kpi(page, 'Users scored')).toBe(stats.users.total.toLocaleString('en-US'))
  await expect(page.getByText(`${stats.users.high} high · ${stats.users.medium} medium`)).toBeVisible()
  const types = page.getByRole('img', { name: /^Alerts by anomaly type/ })
  await expect(types).toBeVisible()
  const typeLabel = (await types.getAttribute('aria-label')) ?? ''
  expect(typeLabel.replace(/^[^:]*: /, '').split(', ').map((entry) => Number(entry.split(' ').at(-1)))).toEqual(stats.byType.map((type) => type.alerts))
  await page.waitForLoadState('networkidle')
  // No paging: not one alert is listed, and the ranking is read only for its top ten.
  expect(calls.filter((call) => call.startsWith('alerts:list '))).toEqual([])
  expect(calls.filter((call) => call.startsWith('users:listRisky ')).every((call) => call.endsWith('{"limit":10}'))).toBe(true)

  // Narrowing the days asks the engine for that span's figures, and the link opens those days' alerts.
  const day = stats.days[0]!.date
  const narrowed = await callApi<Stats>(page, 'alerts:stats', { from: day, to: day })
  const range = page.getByRole('group', { name: 'Days shown below' })
  await range.getByLabel('To').fill(day)
  await expect(page.getByRole('img', { name: /^Alerts by severity/ })).toHaveAttribute(
    'aria-label',
    `Alerts by severity: ${narrowed.bySeverity.high} high, ${narrowed.bySeverity.medium} medium`,
  )
  expect(calls.some((call) => call === `alerts:stats ${JSON.stringify({ from: day, to: day })}`)).toBe(true)
  await range.getByRole('link', { name: "Open these days' alerts" }).click()
  await expect(page).toHaveURL(new RegExp(`#/alerts\\?from=${day}&to=${day}$`))
  await expect(feedRows(page)).toHaveCount(narrowed.total)
  expect(calls.some((call) => call.startsWith('alerts:list ') && call.includes(`"from":"${day}"`))).toBe(true)
  expect(problems).toEqual([])
})

test('the dashboard sums up alerts, users and events, and every chart leads to its list', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await page.goto(served.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  const alerts = await listAlerts(page)
  const medium = alerts.filter((alert) => alert.severity === 'medium').length
  const high = alerts.filter((alert) => alert.severity === 'high').length
  expect(medium).toBeGreaterThan(3)
  await expect.poll(() => kpi(page, 'Medium alerts')).toBe(String(medium))
  expect(await kpi(page, 'High alerts')).toBe(String(high))
  expect(await kpi(page, 'Open alerts')).toBe(String(alerts.length))
  await expect.poll(() => kpi(page, 'Open cases')).toBe('0')
  expect(Number((await kpi(page, 'Users scored')).replace(/,/g, ''))).toBeGreaterThan(50)

  await expect(page.getByRole('img', { name: /^Alerts per day by severity/ })).toBeVisible()
  await expect(page.getByRole('img', { name: `Alerts by severity: ${high} high, ${medium} medium` })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Alerts by anomaly type/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Events per day/ })).toBeVisible()
  await expect(page.getByText('No verdicts yet')).toBeVisible()
  const topUsers = page.locator('.top-users a')
  await expect(topUsers).toHaveCount(10)
  await expect(topUsers.first()).toHaveAttribute('href', /^#\/users\/[^/]+$/)
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0))
  await snap(page, testInfo, 'dashboard')

  // The date inputs narrow the panels below the timeline, as brushing does.
  const range = page.getByRole('group', { name: 'Days shown below' })
  const from = await range.getByLabel('From').inputValue()
  await range.getByLabel('To').fill(from)
  await expect(range.getByRole('link', { name: "Open these days' alerts" })).toHaveAttribute('href', `#/alerts?from=${from}&to=${from}`)
  await expect(page.getByRole('heading', { name: `Events of ${from} (UTC)` })).toBeVisible()
  // Reduced motion draws the whole range's ring at once instead of growing it from the narrowed
  // one's, where the click below could land on a slice still on its way.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await range.getByRole('button', { name: 'Show all days' }).click()

  // A slice of the severity ring opens the alerts of that severity. The ring starts at 12 o'clock
  // and runs clockwise, High first: the middle of the Medium slice is at this angle.
  const ring = page.getByRole('img', { name: `Alerts by severity: ${high} high, ${medium} medium` })
  const box = await ring.boundingBox()
  if (!box) throw new Error('the severity chart has no box')
  const angle = Math.PI / 2 - 2 * Math.PI * (high / (high + medium) + medium / (high + medium) / 2)
  const radius = 0.59 * (Math.min(box.width, box.height) / 2)
  await page.mouse.click(box.x + box.width / 2 + radius * Math.cos(angle), box.y + box.height * 0.45 - radius * Math.sin(angle))
  await expect(page).toHaveURL(/#\/alerts\?severity=medium$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible()
  await expect(page.getByLabel('Severity')).toHaveValue('medium')

  // The KPI links open their lists too.
  await page.goBack()
  await page.getByRole('link', { name: /open alerts: open the list/ }).click()
  await expect(page).toHaveURL(/#\/alerts\?status=open$/)
  await expect(page.getByLabel('Status')).toHaveValue('open')
  expect(problems).toEqual([])
})

test('alerts: explanation and playbook, keyboard navigation and triage', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await page.goto(`${served.url}#/alerts`)
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible()
  const total = (await listAlerts(page)).length
  await expect(feedRows(page)).toHaveCount(total)
  await expect(page.getByRole('navigation', { name: 'Pages of alerts' })).toContainText(`Rows 1–${total} — all shown`)

  // The riskiest alert is open on arrival, with its explanation.
  const explanation = page.locator('.alert-explanation')
  const firstId = (await feedRows(page).first().getAttribute('data-alert-id')) ?? ''
  await expect(explanation.getByRole('heading', { name: `Alert #${firstId}` })).toBeVisible()
  await expect(explanation.locator('.alert-summary')).toContainText('stood out')
  await expect(explanation.getByRole('table', { name: 'Facts behind the score' }).locator('tbody tr').first()).toBeVisible()
  await expect(explanation.getByText('Recommended action').first()).toBeVisible()
  await expect(explanation.getByText('Response time').first()).toBeVisible()
  await expect(explanation.getByRole('button', { name: 'Assign to case' })).toBeEnabled()
  await snap(page, testInfo, 'alerts')

  // Arrows move the selection; A acknowledges the focused alert.
  await feedRows(page).first().focus()
  await page.keyboard.press('ArrowDown')
  const second = feedRows(page).nth(1)
  await expect(second).toHaveAttribute('aria-current', 'true')
  const secondId = (await second.getAttribute('data-alert-id')) ?? ''
  await expect(explanation.getByRole('heading', { name: `Alert #${secondId}` })).toBeVisible()
  await page.keyboard.press('a')
  await expect(second.locator('.alert-status')).toHaveText('Acknowledged')

  // The explanation's buttons give verdicts; the row follows without a reload.
  await page.keyboard.press('ArrowDown')
  const third = feedRows(page).nth(2)
  await expect(third).toHaveAttribute('aria-current', 'true')
  const thirdId = (await third.getAttribute('data-alert-id')) ?? ''
  await explanation.getByRole('button', { name: 'True positive' }).click()
  await expect(third.locator('.alert-status')).toHaveText('True positive')
  await expect(explanation.getByRole('button', { name: 'True positive' })).toBeDisabled()
  await snap(page, testInfo, 'alerts-triaged')

  // Filters live in the URL.
  await page.getByLabel('Status').selectOption('closed')
  await expect(page).toHaveURL(/#\/alerts\?status=closed$/)
  await expect(feedRows(page)).toHaveCount(1)
  await expect(feedRows(page).first()).toHaveAttribute('data-alert-id', thirdId)
  expect(problems).toEqual([])
})

test('the triaged alert is counted on the dashboard', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await page.goto(served.url)
  const open = (await listAlerts(page)).filter((alert) => alert.status === 'open').length
  await expect.poll(() => kpi(page, 'Open alerts')).toBe(String(open))
  await expect(page.getByText('1 acknowledged · 1 closed')).toBeVisible()
  await expect(page.getByText('No verdicts yet')).toHaveCount(0)
  await expect(page.getByRole('img', { name: /^Detector precision from verdicts: .*100 % of 1/ })).toBeVisible()
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 600))
  await snap(page, testInfo, 'dashboard-after-triage')
  expect(problems).toEqual([])
})

test('alerts found by a new scoring run appear in the feed without a reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const problems = watchProblems(page)
  await page.goto(`${served.url}#/alerts`)
  await expect(feedRows(page)).toHaveCount((await listAlerts(page)).length)
  // Weighing the baseline detector alone rates more days Medium; the engine rescores on its own.
  const defaults = await callApi<{ weights: unknown }>(page, 'scoring:settings', {})
  await callApi(page, 'scoring:setWeights', { baseline: 1, markov: 0, iforest: 0, rules: 0.2, ocean: 0 })
  try {
    await expect(page.locator('.alert-row-arrived').first()).toBeVisible({ timeout: 90_000 })
    await expect(page.locator('.alert-live')).toContainText(/Live · \d+ new/)
    await expect(page.getByRole('status').filter({ hasText: 'Scores were recomputed' })).toBeVisible()
    await snap(page, testInfo, 'alerts-live')
  } finally {
    await callApi(page, 'scoring:setWeights', defaults.weights)
  }
  expect(problems).toEqual([])
})
