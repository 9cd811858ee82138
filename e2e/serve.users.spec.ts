import { expect, test, type Page } from '@playwright/test'
import { startAnalyzedServe, type ServedWorkspace } from './helpers/argus-serve'
import { watchProblems } from './helpers/page-checks'
import { snap } from './helpers/page-checks'

// The Users ranking and the user page, against a generated organisation the real CLI analyzed
// (60 users over 30 days, seed 5: a few injected attacks reach High).

let served: ServedWorkspace
test.beforeAll(async () => {
  test.setTimeout(180_000)
  served = await startAnalyzedServe()
})
test.afterAll(async () => {
  await served?.stop()
})

async function openUsers(page: Page, query = ''): Promise<void> {
  await page.goto(`${served.url}#/users${query}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
}

const ranking = (page: Page) => page.getByRole('grid', { name: /Users ranked by risk/ })
const rankingRows = (page: Page) => ranking(page).locator('tbody tr[aria-rowindex]')

test('ranks users by risk, filters by severity, type and name, and shows risk cards', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await openUsers(page)
  await expect(rankingRows(page).first()).toBeVisible()
  // Riskiest first: the first row is High in this organisation, and ranks are 1, 2, 3…
  await expect(rankingRows(page).first()).toContainText('High')
  await expect(rankingRows(page).nth(1).locator('td').first()).toHaveText('2')
  // Virtualized: far fewer rows in the DOM than users loaded.
  expect(await rankingRows(page).count()).toBeLessThan(60)
  await snap(page, testInfo, 'users-table')

  await page.getByLabel('Severity').selectOption('high')
  await expect(page).toHaveURL(/severity=high/)
  const severities = await rankingRows(page).locator('.risk-badge').allTextContents()
  expect(severities.length).toBeGreaterThan(0)
  expect(new Set(severities)).toEqual(new Set(['High']))

  await page.getByLabel('Anomaly type').selectOption('exfiltration')
  await expect(rankingRows(page).first()).toContainText('exfiltration')
  await page.getByLabel('Severity').selectOption('')
  await page.getByLabel('Anomaly type').selectOption('')

  const top = (await rankingRows(page).first().locator('td').nth(1).textContent()) ?? ''
  await page.getByLabel('Name').fill(top.slice(0, 5))
  // Debounced: the ranking is asked again once typing pauses, with `search`.
  await expect(page).toHaveURL(new RegExp(`search=${top.slice(0, 5)}`))
  await expect(rankingRows(page)).toHaveCount(1)
  await expect(rankingRows(page).first()).toContainText(top)
  await page.getByLabel('Name').fill('no-such-user-anywhere')
  await expect(page.getByText('No user matches these filters')).toBeVisible()
  await page.getByLabel('Name').fill('')

  await page.getByRole('button', { name: 'Cards' }).click()
  const cards = page.getByRole('listbox', { name: /Users ranked by risk/ })
  await expect(cards.getByRole('option').first()).toContainText(top)
  await expect(cards.getByRole('option').first()).toHaveClass(/user-card-high/)
  await expect(page).toHaveURL(/view=cards/)
  await snap(page, testInfo, 'users-cards')
  expect(problems).toEqual([])
})

test('arrows and Enter open the top user: radar, timeline, days, facts and raw logs', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await openUsers(page)
  const top = (await rankingRows(page).first().locator('td').nth(1).textContent()) ?? ''
  await ranking(page).focus()
  await page.keyboard.press('ArrowDown')
  await expect(rankingRows(page).nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(new RegExp(`#/users/${top}`))
  await expect(page.getByRole('heading', { level: 1, name: top })).toBeVisible()
  await expect(page.getByRole('img', { name: /^OCEAN radar/ })).toBeVisible()
  await expect(page.getByText('CERT psychometric scores mapped to 0–1')).toBeVisible()
  await expect(page.getByRole('img', { name: /^Activity timeline/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Hour by weekday heatmap: busiest/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add to case' })).toHaveAttribute('aria-disabled', 'true')

  // The page opens on the strongest day; stepping moves the selection to another Medium+ day.
  const days = page.getByRole('radiogroup', { name: 'Scored days' })
  const first = (await days.getByRole('radio', { checked: true }).getAttribute('data-date')) ?? ''
  await expect(page.getByRole('heading', { name: `Day ${first}` })).toBeVisible()
  await expect(page.getByRole('table', { name: /Contributing facts/ }).locator('tbody tr').first()).toBeVisible()
  const next = page.getByRole('button', { name: 'Next anomalous day →' })
  const step = (await next.isEnabled()) ? next : page.getByRole('button', { name: '← Previous anomalous day' })
  await step.click()
  const moved = (await days.getByRole('radio', { checked: true }).getAttribute('data-date')) ?? ''
  expect(moved).not.toBe(first)
  await expect(page.getByRole('heading', { name: `Day ${moved}` })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`day=${moved}`))
  // A click on a cell of the strip selects that day too.
  await days.getByRole('radio').first().click()
  await expect(days.getByRole('radio').first()).toHaveAttribute('aria-checked', 'true')

  const logs = page.getByRole('grid', { name: /events, newest first/ })
  // The logs narrow to the selected day (the generated workspace counts days in UTC).
  const selectedDay = (await days.getByRole('radio', { checked: true }).getAttribute('data-date')) ?? ''
  await page.getByRole('button', { name: `Day ${selectedDay}` }).click()
  await expect(page.getByRole('heading', { name: `Logs of ${selectedDay}` })).toBeVisible()
  await expect(logs.locator('tbody tr[aria-rowindex]').first().locator('time')).toContainText(selectedDay)
  await page.getByRole('button', { name: 'All', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Recent logs' })).toBeVisible()
  await logs.locator('tbody tr[aria-rowindex]').first().click()
  const record = page.getByRole('complementary', { name: 'Raw record' })
  await expect(record).toContainText('Provenance')
  await expect(record).toContainText('Line / record')
  await expect(record.locator('pre')).toContainText('{')
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
  await snap(page, testInfo, 'user-page-logs')
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0))
  await snap(page, testInfo, 'user-page')

  // Back returns to the ranking.
  await page.getByRole('link', { name: '← Users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
  expect(problems).toEqual([])
})

test('a user the scoring never saw gets an explanation, not an error', async ({ page }) => {
  await page.goto(`${served.url}#/users/${encodeURIComponent('nobody@nowhere')}`)
  await expect(page.getByRole('heading', { level: 1, name: 'nobody@nowhere' })).toBeVisible()
  await expect(page.getByText('No scored user named ‘nobody@nowhere’')).toBeVisible()
})
