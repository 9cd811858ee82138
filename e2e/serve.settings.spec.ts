import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { callApi, serveAnalyzedForFile } from './helpers/analyzed'

// Settings (detector weights with their preview, alert threshold, rules editor) and the command
// palette, against a generated organisation the real CLI analyzed. The palette is mounted once in
// App.tsx (`<PaletteHost />`).

const served = serveAnalyzedForFile()

async function openSettings(page: Page): Promise<void> {
  await page.goto(served.url)
  await page.getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
}

async function snap(page: Page, testInfo: TestInfo, name: string, region?: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  if (region) await page.getByRole('region', { name: region }).screenshot({ path })
  else await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('edits the detector weights with a preview and saves them', async ({ page }, testInfo) => {
  await openSettings(page)
  const weights = page.getByRole('region', { name: 'Detector weights' })
  await expect(weights.getByText(/Preview over the \d+ riskiest users/)).toBeVisible({ timeout: 20_000 })
  // The defaults, with their normalized shares.
  await expect(weights.getByRole('spinbutton', { name: 'Rules' })).toHaveValue('0.45')
  await expect(weights).toContainText('45 %')
  const preview = weights.getByRole('table')
  const savedAlerting = await preview.getByRole('row', { name: /Alerting days/ }).getByRole('cell').nth(0).textContent()

  // Everything on the baseline detector: the preview recounts without saving.
  for (const name of ['Sequences', 'Isolation forest', 'Rules', 'Behaviour drift']) await weights.getByRole('spinbutton', { name }).fill('0')
  await expect(weights).toContainText('100 %')
  await expect(weights.getByText('Unsaved changes')).toBeVisible()
  await expect(preview.getByRole('row', { name: /Alerting days/ }).getByRole('cell').nth(0)).toHaveText(savedAlerting ?? '')
  await snap(page, testInfo, 'weights-edited', 'Detector weights')

  // All zero is refused before it reaches the engine.
  await weights.getByRole('spinbutton', { name: 'Baseline' }).fill('0')
  await expect(weights.getByText('At least one weight must be above 0.')).toBeVisible()
  await expect(weights.getByRole('button', { name: 'Save weights' })).toBeDisabled()

  await weights.getByRole('spinbutton', { name: 'Baseline' }).fill('0.6')
  await weights.getByRole('button', { name: 'Save weights' }).click()
  await expect(weights.getByText(/Saved and rescored: [\d,]+ alerts/)).toBeVisible({ timeout: 30_000 })
  expect((await callApi<{ weights: Record<string, number> }>(page, 'scoring:settings', {})).weights).toEqual({ baseline: 0.6, markov: 0, iforest: 0, rules: 0, ocean: 0 })

  await weights.getByRole('button', { name: 'Reset to defaults' }).click()
  await expect(weights.getByRole('spinbutton', { name: 'Rules' })).toHaveValue('0.45')
  await weights.getByRole('button', { name: 'Save weights' }).click()
  await expect(weights.getByText(/Saved and rescored/)).toBeVisible({ timeout: 30_000 })
  expect((await callApi<{ weights: Record<string, number> }>(page, 'scoring:settings', {})).weights).toEqual({ baseline: 0.3, markov: 0.1, iforest: 0.1, rules: 0.45, ocean: 0.05 })
  await snap(page, testInfo, 'weights-saved', 'Detector weights')
})

test('sets and clears the alert percentile', async ({ page }, testInfo) => {
  await openSettings(page)
  const threshold = page.getByRole('region', { name: 'Alert threshold' })
  await threshold.getByRole('radio', { name: /top share/ }).check()
  const field = threshold.getByRole('spinbutton', { name: 'Percentile' })
  await field.fill('0.3')
  await expect(threshold.getByText('A number from 0.5 to 0.9999.')).toBeVisible()
  await expect(threshold.getByRole('button', { name: 'Save threshold' })).toBeDisabled()
  await field.fill('0.995')
  await expect(threshold.getByText('Alerts only for the riskiest 0.5 % of scored days.')).toBeVisible()
  await threshold.getByRole('button', { name: 'Save threshold' }).click()
  await expect(threshold.getByRole('status')).toContainText('Saved', { timeout: 15_000 })
  expect((await callApi<{ alertPercentile: number | null }>(page, 'scoring:settings', {})).alertPercentile).toBe(0.995)
  await snap(page, testInfo, 'threshold', 'Alert threshold')

  await threshold.getByRole('radio', { name: /Every day/ }).check()
  await threshold.getByRole('button', { name: 'Save threshold' }).click()
  await expect(threshold.getByRole('status')).toContainText('Saved', { timeout: 15_000 })
  expect((await callApi<{ alertPercentile: number | null }>(page, 'scoring:settings', {})).alertPercentile).toBeNull()
})

test('edits, duplicates, switches off and deletes rules, showing the engine’s errors at the rule', async ({ page }, testInfo) => {
  await openSettings(page)
  const rules = page.getByRole('region', { name: 'Rules' })
  await rules.getByRole('button', { name: 'Edit failed-logon-burst' }).click()
  const json = rules.getByRole('textbox', { name: 'JSON of failed-logon-burst' })
  const original = await json.inputValue()

  await json.fill('{ "id": ')
  await rules.getByRole('button', { name: 'Save rule' }).click()
  await expect(rules.getByRole('alert')).toContainText('Not valid JSON')

  // The engine names the field; the message sits under the rule being edited.
  await json.fill(original.replace('"failures": 10', '"failures": 0'))
  await rules.getByRole('button', { name: 'Save rule' }).click()
  await expect(rules.getByRole('alert')).toContainText('failures: Too small')
  await snap(page, testInfo, 'rules-error')

  await json.fill(original.replace('"failures": 10', '"failures": 12'))
  await rules.getByRole('button', { name: 'Save rule' }).click()
  await expect(rules.getByRole('status')).toHaveText(/Saved failed-logon-burst/)
  const stored = await callApi<{ rules: { id: string; failures?: number; enabled: boolean }[] }>(page, 'scoring:rules', {})
  expect(stored.rules.find((rule) => rule.id === 'failed-logon-burst')?.failures).toBe(12)

  await rules.getByRole('button', { name: 'Duplicate password-spray', exact: true }).click()
  await expect(rules.getByRole('textbox', { name: 'JSON of the new rule' })).toHaveValue(/"id": "password-spray-copy"/)
  await rules.getByRole('button', { name: 'Add rule' }).click()
  await expect(rules.getByRole('status')).toHaveText(/Saved password-spray-copy/)

  await rules.getByRole('checkbox', { name: 'Rule password-spray-copy on' }).click()
  await expect(rules.getByRole('status')).toHaveText(/password-spray-copy switched off/)
  await expect(rules.getByRole('checkbox', { name: 'Rule password-spray-copy on' })).not.toBeChecked()
  expect((await callApi<{ rules: { id: string; enabled: boolean }[] }>(page, 'scoring:rules', {})).rules.find((rule) => rule.id === 'password-spray-copy')?.enabled).toBe(false)
  await snap(page, testInfo, 'rules', 'Rules')

  await rules.getByRole('button', { name: 'Delete password-spray-copy', exact: true }).click()
  // Asks once more before deleting.
  await rules.getByRole('button', { name: 'Delete password-spray-copy', exact: true }).click()
  await expect(rules.getByRole('status')).toHaveText(/Deleted password-spray-copy/)
  await expect(rules.getByText('password-spray-copy', { exact: true })).toHaveCount(0)
  expect((await callApi<{ rules: { id: string }[] }>(page, 'scoring:rules', {})).rules.map((rule) => rule.id)).not.toContain('password-spray-copy')
})

test('restores the default rules after edits', async ({ page }) => {
  await openSettings(page)
  const rules = page.getByRole('region', { name: 'Rules' })
  // The edit test above left failed-logon-burst at 12 failures; switch another rule off too.
  await rules.getByRole('checkbox', { name: 'Rule password-spray on' }).click()
  await expect(rules.getByRole('status')).toHaveText(/password-spray switched off/)
  await rules.getByRole('button', { name: 'Restore default rules' }).click()
  // Asks once more: the workspace's own rules are not kept.
  await expect(rules.getByText(/Replace the \d+ rules here with the built-in set\?/)).toBeVisible()
  await rules.getByRole('button', { name: 'Restore the defaults' }).click()
  await expect(rules.getByRole('status')).toHaveText(/Restored the default rules\./)
  await expect(rules.getByRole('checkbox', { name: 'Rule password-spray on' })).toBeChecked()
  const stored = await callApi<{ rules: { id: string; failures?: number; enabled: boolean }[] }>(page, 'scoring:rules', {})
  expect(stored.rules.find((rule) => rule.id === 'failed-logon-burst')?.failures).toBe(10)
  expect(stored.rules.every((rule) => rule.enabled)).toBe(true)
})

test('sets the workspace time zone and the default year', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await openSettings(page)
  const section = page.getByRole('region', { name: 'Time zone and year' })
  const zone = section.getByRole('combobox', { name: 'Workspace time zone' })
  const saveZone = section.getByRole('button', { name: 'Save time zone' })

  await test.step('refuses a zone the system does not know', async () => {
    await expect(zone).toHaveValue('UTC')
    await zone.fill('Mars/Olympus')
    await expect(section.getByText('Not a time zone this system knows')).toBeVisible()
    await expect(saveZone).toBeDisabled()
  })

  await test.step('saves Europe/Berlin and rescores', async () => {
    await zone.fill('Europe/Berlin')
    await saveZone.click()
    // The engine rescores every day in the new zone's calendar.
    await expect(section.getByRole('status')).toHaveText(/Saved and rescored/, { timeout: 45_000 })
    expect((await callApi<{ timeZone: string }>(page, 'workspace:info', {})).timeZone).toBe('Europe/Berlin')
    expect((await callApi<{ timeZone: string }>(page, 'stats:eventsPerDay', {})).timeZone).toBe('Europe/Berlin')
    await expect(page.getByRole('region', { name: 'Workspace' })).toContainText('Europe/Berlin')
    await snap(page, testInfo, 'time-zone', 'Time zone and year')
  })

  await test.step('sets and clears the default year', async () => {
    const year = section.getByRole('spinbutton', { name: 'Default year' })
    const saveYear = section.getByRole('button', { name: 'Save year' })
    await year.fill('2019')
    await saveYear.click()
    await expect(section.getByRole('status')).toHaveText('Saved; later imports use it.')
    expect((await callApi<{ defaultYear: number | null }>(page, 'workspace:info', {})).defaultYear).toBe(2019)
    await year.fill('')
    await saveYear.click()
    await expect(section.getByRole('status')).toHaveText('Saved; later imports use it.')
    expect((await callApi<{ defaultYear: number | null }>(page, 'workspace:info', {})).defaultYear).toBeNull()
  })

  await test.step('returns to UTC for the tests after this one', async () => {
    await zone.fill('UTC')
    await saveZone.click()
    await expect(section.getByRole('status')).toHaveText(/Saved and rescored/, { timeout: 45_000 })
  })
})

test('jumps to pages, users and alerts from the command palette', async ({ page }, testInfo) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  const [alert] = (await callApi<{ items: { id: number; user: string }[] }>(page, 'alerts:list', { limit: 1 })).items
  expect(alert).toBeDefined()

  await page.keyboard.press('ControlOrMeta+k')
  const dialog = page.getByRole('dialog', { name: 'Command palette' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  const search = dialog.getByRole('combobox', { name: 'Jump to a page, user or alert' })
  await expect(search).toBeFocused()
  // Focus stays inside.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  // A page by name.
  await page.keyboard.press('ControlOrMeta+k')
  await search.fill('sett')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()

  // A user, then an alert of that user.
  await page.keyboard.press('ControlOrMeta+k')
  await search.fill(alert!.user)
  await expect(dialog.getByRole('option', { name: new RegExp(`#${alert!.id} `) })).toBeVisible()
  await expect(dialog.getByRole('status')).toHaveText(/\d+ results?/)
  await expect(dialog.getByRole('option', { selected: true })).toContainText(alert!.user)
  await snap(page, testInfo, 'palette')
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(page).toHaveURL(new RegExp(`#/users/${alert!.user}$`))

  await page.keyboard.press('ControlOrMeta+k')
  await search.fill(alert!.user)
  await expect(dialog.getByRole('status')).toHaveText(/\d+ results?/)
  const alertOption = dialog.getByRole('option', { name: new RegExp(`#${alert!.id} `) })
  while ((await alertOption.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/alerts\\?id=${alert!.id}$`))
})
