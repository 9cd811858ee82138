import { expect, test, type Locator, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callApi, serveAnalyzedForFile } from './helpers/analyzed'
import { snap, watchProblems } from './helpers/page-checks'

// Cases end to end against a generated organisation the real CLI analyzed (60 users over 30
// days, seed 5): a case gathers the top user, an alert and a pinned event, gets a note edited
// into a second revision, is closed and reopened and handed over as a report. The tests run in
// order on one workspace; the last one tampers with the audit trail.

const served = serveAnalyzedForFile()

const title = 'Exfiltration by the top user'
const renamed = 'USB exfiltration by the top user'


async function topUser(page: Page): Promise<string> {
  const ranking = await callApi<{ items: { user: string }[] }>(page, 'users:listRisky', { limit: 1 })
  const user = ranking.items[0]?.user
  if (!user) throw new Error('the analyzed workspace ranks no user')
  return user
}

/** Opens the case picker behind `button`, keeps the case it offers first (the only open one) and adds. */
async function addToTheCase(page: Page, button: Locator): Promise<void> {
  await button.click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('Case', { exact: true })).toHaveValue('1')
  await expect(dialog.getByLabel('Case', { exact: true }).locator('option:checked')).toHaveText(`#1 ${title}`)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  // Said beside the button that was used.
  await expect(button.locator('xpath=..').getByRole('status')).toHaveText(`Added to ${title}`)
}

test('a new case, then the top user, an alert and a pinned event added to it', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await page.goto(`${served.url}#/cases`)
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  await expect(page.getByText('No cases yet')).toBeVisible()
  await page.getByRole('form', { name: 'New case' }).getByLabel('Title').fill(title)
  await page.getByRole('button', { name: 'New case' }).click()
  await expect(page).toHaveURL(/#\/cases\/1$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('No evidence yet')).toBeVisible()

  // The user, from the header of their page.
  const user = await topUser(page)
  await page.goto(`${served.url}#/users/${encodeURIComponent(user)}`)
  await expect(page.getByRole('heading', { level: 1, name: user })).toBeVisible()
  await addToTheCase(page, page.getByRole('button', { name: 'Add to case' }))

  // An event, from the user's logs: pinned, it is marked on the timeline.
  const logs = page.getByRole('grid', { name: /events, newest first/ })
  const row = logs.locator('tbody tr[aria-rowindex]').first()
  const time = (await row.locator('time').textContent()) ?? ''
  await row.click()
  const record = page.getByRole('complementary', { name: 'Raw record' })
  const eventId = ((await record.getByRole('heading', { level: 3 }).textContent()) ?? '').replace(/\D/g, '')
  await addToTheCase(page, record.getByRole('button', { name: 'Pin to case' }))
  // The generated workspace counts days in UTC, so the event's day is its UTC date.
  const day = time.slice(0, 10)
  await expect(page.getByRole('img', { name: new RegExp(`events pinned to a case on ${day} \\(1\\)`) })).toBeVisible()
  await expect(page.getByText('pins: events pinned to a case')).toBeVisible()
  await snap(page, testInfo, 'user-pinned-event')

  // The selected day, as a time range.
  const selectedDay = page.getByRole('heading', { name: /^Day \d{4}-\d{2}-\d{2}$/ })
  const rangeDay = ((await selectedDay.textContent()) ?? '').slice(4)
  await addToTheCase(page, page.getByRole('button', { name: 'Add day to case' }))

  // An alert, from the triage bar of the riskiest one.
  await page.goto(`${served.url}#/alerts`)
  const explanation = page.locator('.alert-explanation')
  const alertHeading = explanation.getByRole('heading', { name: /^Alert #\d+$/ })
  await expect(alertHeading).toBeVisible()
  const alertId = ((await alertHeading.textContent()) ?? '').replace(/\D/g, '')
  await addToTheCase(page, explanation.getByRole('button', { name: 'Assign to case' }))

  // The case holds all three, each opening the user's page at its moment.
  await page.goto(`${served.url}#/cases/1`)
  const evidence = page.getByRole('region', { name: 'Evidence' })
  await expect(evidence.getByRole('region', { name: 'Users' }).getByRole('link', { name: user })).toBeVisible()
  await expect(evidence.getByRole('region', { name: 'Alerts' })).toContainText(`Alert #${alertId}`)
  const pinned = evidence.getByRole('region', { name: 'Pinned events' }).getByRole('link', { name: new RegExp(`^Event #${eventId}:`) })
  await expect(pinned).toHaveAttribute('href', `#/users/${encodeURIComponent(user)}?day=${day}`)
  await expect(evidence.getByRole('region', { name: 'Time ranges' }).getByRole('link', { name: new RegExp(`^${user} on ${rangeDay}: ${rangeDay}T`) })).toHaveAttribute(
    'href',
    `#/users/${encodeURIComponent(user)}?day=${rangeDay}`,
  )
  await expect(page.getByText('1 users · 1 alerts · 1 pinned events · 1 ranges · 0 notes')).toBeVisible()
  await pinned.click()
  await expect(page).toHaveURL(new RegExp(`day=${day}`))
  await expect(page.getByRole('heading', { level: 1, name: user })).toBeVisible()
  expect(problems).toEqual([])
})

test('notes in Markdown with their history, tags, rename, close and reopen', async ({ page }) => {
  const problems = watchProblems(page)
  await page.goto(`${served.url}#/cases/1`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  await page.getByLabel('New note').fill('# Finding\n\n- copied **4 GB** to `E:\\`\n- <b>not markup</b>')
  await page.getByRole('button', { name: 'Add note' }).click()
  const note = page.locator('.note').first()
  await expect(note.getByRole('heading', { name: 'Finding' })).toBeVisible()
  await expect(note.locator('strong')).toHaveText('4 GB')
  await expect(note.getByText('<b>not markup</b>')).toBeVisible()
  await expect(page.getByLabel('New note')).toHaveValue('')

  await note.getByRole('button', { name: 'Edit' }).click()
  await note.getByLabel('Edit note').fill('# Finding\n\n- copied **4 GB** to a USB stick, then resigned')
  await note.getByRole('button', { name: 'Save' }).click()
  await expect(note).toContainText('(revision 2)')
  await expect(note).toContainText('then resigned')
  await note.getByRole('button', { name: 'History' }).click()
  const history = note.getByRole('list', { name: 'History of the note: 2 revisions' })
  // The revisions, not the list items inside the notes' Markdown.
  const revisions = history.locator(':scope > li')
  await expect(revisions).toHaveCount(2)
  await expect(revisions.first()).toContainText('Revision 2')
  await expect(revisions.last()).toContainText('not markup')

  // A tag on the user, seen on the case and on the user's page.
  const user = await topUser(page)
  await page.getByLabel(`Add a tag to ${user}`, { exact: true }).fill('insider')
  await page.getByLabel(`Add a tag to ${user}`, { exact: true }).press('Enter')
  await expect(page.getByRole('group', { name: `Tags of ${user}`, exact: true })).toContainText('insider')

  await page.getByRole('button', { name: 'Rename' }).click()
  await page.getByRole('form', { name: 'Rename the case' }).getByLabel('Title').fill(renamed)
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible()

  const status = page.locator('.case-header .status')
  await page.getByRole('button', { name: 'Close case' }).click()
  await expect(status).toHaveText('Closed')
  await expect(page.locator('.case-meta')).toContainText('closed')
  await page.getByRole('button', { name: 'Reopen case' }).click()
  await expect(status).toHaveText('Open')

  await page.goto(`${served.url}#/users/${encodeURIComponent(user)}`)
  await expect(page.getByRole('group', { name: `Tags of ${user}`, exact: true })).toContainText('insider')
  expect(problems).toEqual([])
})

test('the case list, the report download, the audit badge and the trail', async ({ page }, testInfo) => {
  const problems = watchProblems(page)
  await page.goto(`${served.url}#/cases`)
  const rows = page.locator('.cases-table tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(renamed)
  await expect(rows.first()).toContainText('Open')
  await page.getByLabel('Status').selectOption('closed')
  await expect(page.getByText('No closed cases')).toBeVisible()
  await page.getByLabel('Status').selectOption('')
  await rows.first().focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/cases\/1$/)

  // The badge and the case page show the head the engine verifies.
  const check = await callApi<{ ok: boolean; headHash: string; entries: number }>(page, 'audit:verify', {})
  expect(check.ok).toBe(true)
  const badge = page.locator('.audit-badge')
  await expect(badge).toHaveText(`Audit ok ${check.headHash.slice(0, 12)}`)
  await expect(page.locator('.case-audit-hash')).toHaveText(check.headHash.slice(0, 12))
  await expect(page.getByRole('heading', { name: 'Finding' })).toBeVisible()
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0))
  await page.screenshot({ path: join('docs', 'screenshots', 'case.png') })
  await snap(page, testInfo, 'case')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Report (HTML)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.html$/)
  const html = readFileSync(await download.path(), 'utf8')
  expect(html).toContain(renamed)
  expect(html).toContain('Finding')

  const csvDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Alerts CSV' }).click()
  expect((await csvDownload).suggestedFilename()).toMatch(/\.csv$/)

  // Exports are audited: the badge follows the new head.
  const after = await callApi<{ headHash: string; entries: number }>(page, 'audit:verify', {})
  expect(after.entries).toBeGreaterThan(check.entries)
  await expect(badge).toHaveText(`Audit ok ${after.headHash.slice(0, 12)}`)

  await badge.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Intact: all \d+ entries check out$/ })).toBeVisible()
  await expect(page.locator('.audit-table')).toContainText('case.create')
  await expect(page.locator('.audit-table')).toContainText('note.edit')

  await page.goto(served.url)
  const openCases = page.locator('.kpi-card', { has: page.locator('dt', { hasText: /^Open cases$/ }) })
  await expect(openCases.locator('.kpi-value')).toHaveText('1')
  expect(problems).toEqual([])
})

test('backs up the workspace from Settings', async ({ page }) => {
  const problems = watchProblems(page)
  const folder = mkdtempSync(join(tmpdir(), 'argus-e2e-backup-'))
  try {
    await page.goto(`${served.url}#/settings`)
    const target = join(folder, 'backup.db')
    await page.getByLabel(/^Backup file/).fill(target)
    await page.getByRole('button', { name: 'Back up workspace…' }).click()
    const written = page.getByRole('status', { name: 'Backup written' })
    await expect(written).toContainText(target)
    await expect(written).toContainText(/\d+(\.\d)? (KiB|MiB)/)
    await expect(written.locator('dd.mono').last()).toHaveText(/^\S{16,}$/)
    expect(existsSync(target)).toBe(true)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
  expect(problems).toEqual([])
})

test('an audit entry edited behind the app turns the badge red, naming the entry', async ({ page }) => {
  await page.goto(`${served.url}#/cases/audit`)
  await expect(page.locator('.audit-badge')).toHaveText(/^Audit ok /)
  const { path } = await callApi<{ path: string }>(page, 'workspace:info', {})
  // What someone with the sqlite3 shell could do: the triggers only stop accidents from inside the app.
  const database = new Database(path)
  let tampered: number
  try {
    database.exec('drop trigger audit_log_no_update')
    const entry = database.prepare(`select id from audit_log where action = 'case.rename'`).get() as { id: number }
    tampered = entry.id
    database.prepare(`update audit_log set details = json_set(details, '$.to', 'Nothing to see') where id = ?`).run(tampered)
  } finally {
    database.close()
  }
  // The check runs again when the window regains focus, as after switching to the shell.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(page.locator('.audit-badge')).toHaveText(`Audit broken at #${tampered}`)
  await page.getByRole('button', { name: 'Verify again' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Broken at entry #${tampered}` })).toBeVisible()
  await expect(page.locator('.audit-row-broken')).toContainText('chain breaks here')
})
