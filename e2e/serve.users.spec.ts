import { expect, test, type Page } from '@playwright/test'
import { callApi, serveAnalyzedForFile } from './helpers/analyzed'
import { snap, watchProblems } from './helpers/page-checks'

// The Users ranking and the user page, against a generated organisation the real CLI analyzed
// (60 users over 30 days, seed 5: a few injected attacks reach High).

const served = serveAnalyzedForFile()

async function openUsers(page: Page, query = ''): Promise<void> {
  await page.goto(`${served.url}#/users${query}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
}

const ranking = (page: Page) => page.getByRole('grid', { name: /Users ranked by risk/ })
const rankingRows = (page: Page) => ranking(page).locator('tbody tr[aria-rowindex]')

/**
 * The riskiest user with at least two Medium+ days, and their place in the ranking: stepping
 * between anomalous days needs two. Which user that is depends on the model, so it is read from
 * the engine rather than assumed.
 */
async function userWithTwoAnomalousDays(page: Page): Promise<{ user: string; rank: number }> {
  const ranked = await callApi<{ items: { user: string }[] }>(page, 'users:listRisky', { limit: 20 })
  for (const [rank, { user }] of ranked.items.entries()) {
    const detail = await callApi<{ days: { severity: string }[] }>(page, 'users:detail', { user })
    if (detail.days.filter((day) => day.severity !== 'low').length >= 2) return { user, rank }
  }
  throw new Error('none of the 20 riskiest users has two Medium+ days')
}

/** Steps to the next anomalous day, or to the previous one when the selected day is the last. */
async function stepToAnotherAnomalousDay(page: Page): Promise<void> {
  const next = page.getByRole('button', { name: 'Next anomalous day →' })
  const previous = page.getByRole('button', { name: '← Previous anomalous day' })
  await ((await next.isEnabled()) ? next : previous).click()
}

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

test('arrows and Enter open a user: radar, timeline, days, facts and raw logs', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await openUsers(page)
  const { user: top, rank } = await userWithTwoAnomalousDays(page)
  await ranking(page).focus()
  await page.keyboard.press('ArrowDown')
  await expect(rankingRows(page).nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowUp')
  await expect(rankingRows(page).first()).toHaveAttribute('aria-selected', 'true')
  for (let step = 0; step < rank; step += 1) await page.keyboard.press('ArrowDown')
  await expect(rankingRows(page).nth(rank)).toContainText(top)
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(new RegExp(`#/users/${top}`))
  await expect(page.getByRole('heading', { level: 1, name: top })).toBeVisible()
  await expect(page.getByRole('img', { name: /^OCEAN radar/ })).toBeVisible()
  await expect(page.getByText('CERT psychometric scores mapped to 0–1')).toBeVisible()
  await expect(page.getByRole('img', { name: /^Activity timeline/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Hour by weekday heatmap: busiest/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add to case' })).toBeEnabled()

  // The page opens on the strongest day; stepping moves the selection to another Medium+ day.
  const days = page.getByRole('radiogroup', { name: 'Scored days' })
  const first = (await days.getByRole('radio', { checked: true }).getAttribute('data-date')) ?? ''
  await expect(page.getByRole('heading', { name: `Day ${first}` })).toBeVisible()
  await expect(page.getByRole('table', { name: /Contributing facts/ }).locator('tbody tr').first()).toBeVisible()
  await stepToAnotherAnomalousDay(page)
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
  // One page at a time: scrolling to the end of the logs shows the next page, from its top.
  const logsPager = page.getByRole('navigation', { name: 'Pages of events' })
  await expect(logsPager).toContainText('Rows 1–200')
  const firstOfPageOne = (await logs.locator('tbody tr[aria-rowindex]').first().textContent()) ?? ''
  await page.locator('.user-events-scroll').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight))
  await expect(logsPager).toContainText(/Rows 201–\d/)
  await expect.poll(() => page.locator('.user-events-scroll').evaluate((scroller) => scroller.scrollTop)).toBe(0)
  await expect(logs.locator('tbody tr[aria-rowindex]', { hasText: firstOfPageOne })).toHaveCount(0)
  await logsPager.getByRole('button', { name: 'Previous page of events' }).click()
  await expect(logsPager).toContainText('Rows 1–200')
  await expect(logs.locator('tbody tr[aria-rowindex]').first()).toHaveText(firstOfPageOne)
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

test('brushing the activity timeline narrows the logs and the heatmap to those days', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await openUsers(page)
  const { user: top } = await userWithTwoAnomalousDays(page)
  await page.goto(`${served.url}#/users/${top}`)
  const timeline = page.getByRole('img', { name: /^Activity timeline/ })
  await expect(timeline).toBeVisible()
  await expect(page.getByRole('img', { name: /^Hour by weekday heatmap: busiest/ })).toBeVisible()

  // Drag across the middle third of the plot (the chart's grid leaves 52 px left, 48 px right, 30 px above).
  await page.getByRole('button', { name: 'Select days' }).click()
  await expect(page.getByRole('button', { name: 'Drag across the chart…' })).toHaveAttribute('aria-pressed', 'true')
  const box = await timeline.boundingBox()
  if (!box) throw new Error('the timeline has no box')
  const plot = { left: box.x + 52, width: box.width - 100, y: box.y + 120 }
  await page.mouse.move(plot.left + plot.width / 3, plot.y)
  await page.mouse.down()
  await page.mouse.move(plot.left + (2 * plot.width) / 3, plot.y, { steps: 12 })
  await page.mouse.up()

  const heading = page.getByRole('heading', { name: /^Logs of \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/ })
  await expect(heading).toBeVisible()
  const [from, to] = ((await heading.textContent()) ?? '').match(/\d{4}-\d{2}-\d{2}/g) ?? []
  expect(from! < to!).toBe(true)
  // Brushing ends with the span: the mouse selects days again.
  await expect(page.getByRole('button', { name: 'Select days' })).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByRole('button', { name: `Days ${from} to ${to}`, exact: true })).toHaveAttribute('aria-pressed', 'true')
  // Newest first, and all within the span (the generated workspace counts days in UTC, as the table shows times).
  const logs = page.getByRole('grid', { name: /events, newest first/ })
  const times = logs.locator('tbody tr[aria-rowindex] time')
  await expect(times.first()).toBeVisible()
  const shown = (await times.allTextContents()).map((text) => text.slice(0, 10))
  expect(shown.every((date) => date >= from! && date <= to!)).toBe(true)
  expect(shown[0]! <= to!).toBe(true)

  // The heatmap compares those days with the user's earlier ones.
  const views = page.getByRole('group', { name: 'Heatmap view' })
  await expect(views.getByRole('button', { name: 'Selected days' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText(new RegExp(`Selected days ${from} to ${to}, [\\d,]+ events; baseline`))).toBeVisible()
  await views.getByRole('button', { name: 'Difference' }).click()
  await expect(page.getByRole('img', { name: /^Hour by weekday heatmap, change from baseline: largest at \w{3} \d{2}:00/ })).toBeVisible()
  await views.getByRole('button', { name: 'Baseline' }).click()
  await expect(page.getByRole('img', { name: /^Hour by weekday heatmap, baseline: busiest/ })).toBeVisible()
  await snap(page, testInfo, 'user-page-brushed')

  // Stepping between anomalous days still works with a span brushed.
  const days = page.getByRole('radiogroup', { name: 'Scored days' })
  const before = await days.getByRole('radio', { checked: true }).getAttribute('data-date')
  await stepToAnotherAnomalousDay(page)
  await expect(days.getByRole('radio', { checked: true })).not.toHaveAttribute('data-date', before ?? '')

  await page.getByRole('button', { name: `Clear the days ${from} to ${to}` }).click()
  await expect(page.getByRole('heading', { name: 'Recent logs' })).toBeVisible()
  await expect(views.getByRole('button', { name: 'Recent' })).toBeVisible()
  expect(problems).toEqual([])
})

test('a user the scoring never saw gets an explanation, not an error', async ({ page }) => {
  await page.goto(`${served.url}#/users/${encodeURIComponent('nobody@nowhere')}`)
  await expect(page.getByRole('heading', { level: 1, name: 'nobody@nowhere' })).toBeVisible()
  await expect(page.getByText('No scored user named ‘nobody@nowhere’')).toBeVisible()
})
